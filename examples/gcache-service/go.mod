module example.com/gcache-service

go 1.21

toolchain go1.21.5

require (
	github.com/bluele/gcache v0.0.1
	github.com/gin-gonic/gin v1.4.0
	example.com/internal/metrics v0.3.0
)

require (
	github.com/gin-contrib/sse v0.0.0-20190301062529-5545eab6dad3 // indirect
	github.com/golang/protobuf v1.3.1 // indirect
	github.com/json-iterator/go v1.1.6 // indirect
	github.com/mattn/go-isatty v0.0.7 // indirect
	github.com/ugorji/go v1.1.4 // indirect
	golang.org/x/net v0.0.0-20190503192946-f4e77d36d62c // indirect
	golang.org/x/sys v0.0.0-20190222072716-a9d3bda3a223 // indirect
	gopkg.in/go-playground/validator.v8 v8.18.2 // indirect
	gopkg.in/yaml.v2 v2.2.2 // indirect
)

// The metrics library is developed next to the service.
replace example.com/internal/metrics => ../metrics
