module example.com/service

go 1.23.4

toolchain go1.23.6

godebug default=go1.21

godebug (
	panicnil=1
	asynctimerchan=0
)

tool golang.org/x/tools/cmd/stringer

tool (
	example.com/service/cmd/gen
)

ignore ./node_modules

require golang.org/x/tools v0.28.0
