module "example.com/quoted"

go 1.21

require (
	"github.com/pkg/errors" "v0.9.1"
	"example.com/a\x62c" v1.0.0
)
