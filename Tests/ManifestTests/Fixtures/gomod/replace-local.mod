module example.com/service

go 1.21

require (
	example.com/lib v1.0.0
	example.com/tools v0.3.0
)

replace (
	example.com/lib => ../lib
	example.com/tools v0.3.0 => /opt/src/tools
)
