// gcache-service keeps recently seen sessions in gcache's LFU cache and answers whether a session is
// known. (The service of depwatch's examples: its go.mod pins the gcache release whose LFU cache leaks.)
package main

import (
	"bufio"
	"fmt"
	"os"

	"github.com/bluele/gcache"
)

func main() {
	sessions := gcache.New(1000).LFU().Build()
	lines := bufio.NewScanner(os.Stdin)
	for lines.Scan() {
		id := lines.Text()
		if _, err := sessions.Get(id); err == nil {
			fmt.Println("known", id)
			continue
		}
		sessions.Set(id, true)
		fmt.Println("new", id)
	}
}
