// A service with a require block, single-line requires and indirect markers.
module example.com/service

go 1.21

require github.com/bluele/gcache v0.0.1

require (
	github.com/gin-gonic/gin v1.4.0
	golang.org/x/sys v0.1.0 // indirect
	golang.org/x/text v0.3.7 // indirect; needed by x/net
	github.com/pkg/errors v0.9.1 // not indirect: the comment only mentions indirect
)
