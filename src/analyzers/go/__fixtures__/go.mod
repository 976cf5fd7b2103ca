// A module with every directive the analyzer reads.
module example.com/app

go 1.21

toolchain go1.21.5

require github.com/docker/distribution v2.8.2+incompatible

require (
	github.com/sirupsen/logrus v1.9.3
	golang.org/x/sys v0.15.0 // indirect
	"example.com/quoted" v0.1.0
	example.com/local v1.0.0
	example.com/pinned v1.1.0
)

exclude golang.org/x/net v0.1.0

replace (
	example.com/local => ../local
	example.com/pinned v1.1.0 => example.com/fork v1.1.1
	example.com/pinned v1.0.0 => example.com/never v9.9.9
)

replace github.com/sirupsen/logrus => github.com/sirupsen/logrus v1.9.0

retract [v0.0.1, v0.0.5]
