module example.com/lib

go 1.21

// Published by mistake.
retract v1.0.0

retract [v1.1.0, v1.1.5] // leaks memory under load

retract (
	// Remote-triggered crash.
	v1.2.0
	[v1.3.0, v1.3.2]
)
