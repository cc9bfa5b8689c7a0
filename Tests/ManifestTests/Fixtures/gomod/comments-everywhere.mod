// Leading comment.
module example.com/service // module comment

// Before go.
go 1.21 // language version

require ( // block comment
	// inside the block
	github.com/pkg/errors v0.9.1 // trailing

	// after a blank line
	golang.org/x/sync v0.1.0
) // after the block
// The end.
