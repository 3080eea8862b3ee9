package web

import "github.com/gin-gonic/gin"

// Routes lists the route table, for tests that go through every route.
func (s *Server) Routes() gin.RoutesInfo { return s.engine().Routes() }
