// Package reports writes the consolidated Excel workbook and the PDF
// follow-up report of a round from domain values; it does not import Gin.
package reports
