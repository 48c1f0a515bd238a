// Command plan-fleet loads a libmaint fleet file, plans its maintenance
// and prints the plan as libmaint-plan/1 JSON on standard output, byte for
// byte what `maintctl plan --format json` and the C and Python examples
// print for the same input.
//
// Usage:
//
//	plan-fleet FLEET.json [NOW]
//
// NOW (RFC 3339) overrides the fleet's own "now". Bad input is reported
// on standard error with the file name and the JSON path at fault
// (`fleet.json: machines[3].group: unknown resource group "acme"`), and
// the exit status is 2.
package main

import (
	"context"
	"fmt"
	"os"

	"libmaint/maint"
)

func main() {
	if len(os.Args) < 2 || len(os.Args) > 3 {
		fail("usage: plan-fleet FLEET.json [NOW]")
	}
	path := os.Args[1]

	fleet, err := maint.LoadFleet(path)
	if err != nil {
		fail("%s: %v", path, err)
	}
	scheduler := maint.NewScheduler(fleet)
	if len(os.Args) == 3 {
		now, err := maint.ParseInstant(os.Args[2])
		if err != nil {
			fail("%s: %v", os.Args[2], err)
		}
		if err := scheduler.SetNow(now); err != nil {
			fail("%s: %v", os.Args[2], err)
		}
	}

	plan, err := scheduler.Run(context.Background())
	if err != nil {
		fail("%s: %v", path, err)
	}
	if _, err := os.Stdout.Write(plan.JSON()); err != nil {
		fail("writing the plan: %v", err)
	}
}

// fail reports a problem on standard error and exits with status 2.
func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "plan-fleet: "+format+"\n", args...)
	os.Exit(2)
}
