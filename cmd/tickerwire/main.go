// Command tickerwire is the self-hosted financial news engine.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "tickerwire: under construction")
	os.Exit(2)
}
