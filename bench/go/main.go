// Go channel baseline for bench/run-runtime: the workloads of crossbeam-channel's
// benchmarks/go.go. Usage: fl-go-bench <workload> <messages> <reps>, workload
// <bounded1|boundedN|rendezvous>-<seq|spsc|mpsc|mpmc> (Go has no unbounded channel).
// Prints `RESULT <workload> go <msgs_per_sec>` (best of reps); exits 1 when the received
// sum is wrong, 2 on bad arguments or an unsupported workload.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

const threads = 4

type message = uint64

func seq(c chan message, m uint64) uint64 {
	for i := uint64(0); i < m; i++ {
		c <- i
	}
	var sum uint64
	for i := uint64(0); i < m; i++ {
		sum += <-c
	}
	return sum
}

func produce(c chan message, n uint64, done chan bool) {
	for i := uint64(0); i < n; i++ {
		c <- i
	}
	done <- true
}

func consume(c chan message, n uint64) uint64 {
	var sum uint64
	for i := uint64(0); i < n; i++ {
		sum += <-c
	}
	return sum
}

func spsc(c chan message, m uint64) uint64 {
	done := make(chan bool)
	go produce(c, m, done)
	sum := consume(c, m)
	<-done
	return sum
}

func mpsc(c chan message, m uint64) uint64 {
	done := make(chan bool)
	per := m / threads
	for t := 0; t < threads; t++ {
		go produce(c, per, done)
	}
	sum := consume(c, per*threads)
	for t := 0; t < threads; t++ {
		<-done
	}
	return sum
}

func mpmc(c chan message, m uint64) uint64 {
	done := make(chan bool)
	sums := make(chan uint64)
	per := m / threads
	for t := 0; t < threads; t++ {
		go produce(c, per, done)
		go func() { sums <- consume(c, per) }()
	}
	var sum uint64
	for t := 0; t < threads; t++ {
		<-done
		sum += <-sums
	}
	return sum
}

func tri(n uint64) uint64 {
	if n == 0 {
		return 0
	}
	return n * (n - 1) / 2
}

func fail(code int, format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "fl-go-bench: "+format+"\n", args...)
	os.Exit(code)
}

func main() {
	if len(os.Args) != 4 {
		fail(2, "usage: fl-go-bench <flavor-kind> <messages> <reps>")
	}
	workload := os.Args[1]
	m, err1 := strconv.ParseUint(os.Args[2], 10, 64)
	reps, err2 := strconv.Atoi(os.Args[3])
	if err1 != nil || err2 != nil || m < threads || reps < 1 {
		fail(2, "bad message or repetition count")
	}
	parts := strings.SplitN(workload, "-", 2)
	if len(parts) != 2 {
		fail(2, "workload must be <flavor>-<kind>")
	}
	caps := map[string]int{"bounded1": 1, "boundedN": int(m), "rendezvous": 0}
	capacity, ok := caps[parts[0]]
	if !ok {
		fail(2, "go does not support %s", workload)
	}
	kinds := map[string]func(chan message, uint64) uint64{"seq": seq, "spsc": spsc, "mpsc": mpsc, "mpmc": mpmc}
	run, ok := kinds[parts[1]]
	if !ok || (parts[1] == "seq" && parts[0] != "boundedN") {
		fail(2, "go does not support %s", workload)
	}
	total, want := m, tri(m)
	if parts[1] == "mpsc" || parts[1] == "mpmc" {
		total, want = m/threads*threads, threads*tri(m/threads)
	}
	best := 0.0
	for r := 0; r < reps; r++ {
		start := time.Now()
		sum := run(make(chan message, capacity), m)
		secs := time.Since(start).Seconds()
		if sum != want {
			fail(1, "%s: received sum %d, expected %d", workload, sum, want)
		}
		if rate := float64(total) / secs; rate > best {
			best = rate
		}
	}
	fmt.Printf("RESULT %s go %.0f\n", workload, best)
}
