module followup

go 1.26.8
