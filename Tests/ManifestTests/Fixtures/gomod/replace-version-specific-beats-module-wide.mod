module example.com/service

go 1.22

require (
	github.com/bluele/gcache v0.0.1
	github.com/pkg/errors v0.9.1
)

replace github.com/bluele/gcache => github.com/fork/gcache v0.0.3
replace github.com/bluele/gcache v0.0.1 => github.com/bluele/gcache v0.0.2
replace github.com/pkg/errors v0.8.0 => github.com/pkg/errors v0.9.0
