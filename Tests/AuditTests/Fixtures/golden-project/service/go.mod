module example.com/service

go 1.21

require (
	github.com/bluele/gcache v0.0.1
	github.com/gin-gonic/gin v1.4.0
	gopkg.in/yaml.v2 v2.2.2 // indirect
	example.com/tools v0.1.0
)

replace example.com/tools => ../tools
