module example.com/service

go 1.21

require github.com/pkg/errors v0.9.1

// Replacing a module nothing requires changes nothing.
replace github.com/bluele/gcache => github.com/bluele/gcache v0.0.2
