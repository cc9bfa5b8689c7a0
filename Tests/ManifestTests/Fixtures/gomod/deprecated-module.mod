// Deprecated: use example.com/new instead.
module example.com/old

go 1.21
