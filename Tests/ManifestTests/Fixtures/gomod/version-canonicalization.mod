module example.com/service

go 1.21

require (
	github.com/a/short v1.2
	github.com/a/major v1
	github.com/a/meta v1.2.3+build.5
	github.com/docker/docker v20.10.7+incompatible
	github.com/a/pseudo v0.0.0-20210215000000-023f437abcde
)

exclude github.com/a/short v1.1
