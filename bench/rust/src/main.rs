//! Channel workloads of crossbeam-channel's benchmarks/ folder, for std::sync::mpsc and
//! crossbeam-channel. Usage: fl-rust-bench <std-mpsc|crossbeam> <workload> <messages> <reps>
//! where workload is <unbounded|bounded1|boundedN|rendezvous>-<seq|spsc|mpsc|mpmc>.
//! Prints `RESULT <workload> <impl> <msgs_per_sec>` (best of reps); exits 1 when the
//! received sum is wrong, 2 on bad arguments or an unsupported combination.

use std::process::exit;
use std::sync::mpsc;
use std::thread;
use std::time::Instant;

const THREADS: u64 = 4;

/// The operations the workloads need; one implementation per channel flavor.
trait Chan {
    type Tx: Clone + Send;
    type Rx: Send;
    fn new(cap: Option<usize>) -> (Self::Tx, Self::Rx);
    fn send(tx: &Self::Tx, v: u64);
    fn recv(rx: &Self::Rx) -> u64;
}

struct StdAsync;
struct StdSync;
struct Crossbeam;

impl Chan for StdAsync {
    type Tx = mpsc::Sender<u64>;
    type Rx = mpsc::Receiver<u64>;
    fn new(_cap: Option<usize>) -> (Self::Tx, Self::Rx) {
        mpsc::channel()
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).unwrap();
    }
    fn recv(rx: &Self::Rx) -> u64 {
        rx.recv().unwrap()
    }
}

impl Chan for StdSync {
    type Tx = mpsc::SyncSender<u64>;
    type Rx = mpsc::Receiver<u64>;
    fn new(cap: Option<usize>) -> (Self::Tx, Self::Rx) {
        mpsc::sync_channel(cap.expect("sync channel needs a capacity"))
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).unwrap();
    }
    fn recv(rx: &Self::Rx) -> u64 {
        rx.recv().unwrap()
    }
}

impl Chan for Crossbeam {
    type Tx = crossbeam_channel::Sender<u64>;
    type Rx = crossbeam_channel::Receiver<u64>;
    fn new(cap: Option<usize>) -> (Self::Tx, Self::Rx) {
        match cap {
            None => crossbeam_channel::unbounded(),
            Some(c) => crossbeam_channel::bounded(c),
        }
    }
    fn send(tx: &Self::Tx, v: u64) {
        tx.send(v).unwrap();
    }
    fn recv(rx: &Self::Rx) -> u64 {
        rx.recv().unwrap()
    }
}

fn seq<C: Chan>(cap: Option<usize>, m: u64) -> u64 {
    let (tx, rx) = C::new(cap);
    for i in 0..m {
        C::send(&tx, i);
    }
    (0..m).map(|_| C::recv(&rx)).sum()
}

fn spsc<C: Chan>(cap: Option<usize>, m: u64) -> u64 {
    let (tx, rx) = C::new(cap);
    thread::scope(|s| {
        s.spawn(move || (0..m).for_each(|i| C::send(&tx, i)));
        (0..m).map(|_| C::recv(&rx)).sum()
    })
}

fn mpsc_run<C: Chan>(cap: Option<usize>, m: u64) -> u64 {
    let (tx, rx) = C::new(cap);
    let per = m / THREADS;
    thread::scope(|s| {
        for _ in 0..THREADS {
            let tx = tx.clone();
            s.spawn(move || (0..per).for_each(|i| C::send(&tx, i)));
        }
        drop(tx);
        (0..per * THREADS).map(|_| C::recv(&rx)).sum()
    })
}

/// Only crossbeam's receiver may be shared by several consumers.
fn mpmc_crossbeam(cap: Option<usize>, m: u64) -> u64 {
    let (tx, rx) = Crossbeam::new(cap);
    let per = m / THREADS;
    thread::scope(|s| {
        for _ in 0..THREADS {
            let tx = tx.clone();
            s.spawn(move || (0..per).for_each(|i| Crossbeam::send(&tx, i)));
        }
        let consumers: Vec<_> = (0..THREADS)
            .map(|_| {
                let rx = rx.clone();
                s.spawn(move || (0..per).map(|_| Crossbeam::recv(&rx)).sum::<u64>())
            })
            .collect();
        consumers.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn usage(msg: &str) -> ! {
    eprintln!("fl-rust-bench: {msg}");
    eprintln!("usage: fl-rust-bench <std-mpsc|crossbeam> <flavor-kind> <messages> <reps>");
    exit(2);
}

fn capacity(flavor: &str, m: u64) -> Option<usize> {
    match flavor {
        "unbounded" => None,
        "bounded1" => Some(1),
        "boundedN" => Some(m as usize),
        "rendezvous" => Some(0),
        _ => usage(&format!("unknown flavor '{flavor}'")),
    }
}

/// Picks the function for (impl, flavor, kind); None when unsupported.
fn pick(imp: &str, flavor: &str, kind: &str) -> Option<fn(Option<usize>, u64) -> u64> {
    let small = flavor == "bounded1" || flavor == "rendezvous";
    if kind == "seq" && small {
        return None; // one thread filling a tiny channel deadlocks
    }
    match (imp, flavor == "unbounded", kind) {
        ("std-mpsc", true, "seq") => Some(seq::<StdAsync>),
        ("std-mpsc", true, "spsc") => Some(spsc::<StdAsync>),
        ("std-mpsc", true, "mpsc") => Some(mpsc_run::<StdAsync>),
        ("std-mpsc", false, "seq") => Some(seq::<StdSync>),
        ("std-mpsc", false, "spsc") => Some(spsc::<StdSync>),
        ("std-mpsc", false, "mpsc") => Some(mpsc_run::<StdSync>),
        ("crossbeam", _, "seq") => Some(seq::<Crossbeam>),
        ("crossbeam", _, "spsc") => Some(spsc::<Crossbeam>),
        ("crossbeam", _, "mpsc") => Some(mpsc_run::<Crossbeam>),
        ("crossbeam", _, "mpmc") => Some(mpmc_crossbeam),
        _ => None,
    }
}

fn expected_sum(kind: &str, m: u64) -> u64 {
    let tri = |n: u64| n * n.saturating_sub(1) / 2;
    match kind {
        "seq" | "spsc" => tri(m),
        _ => THREADS * tri(m / THREADS),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 5 {
        usage("expected 4 arguments");
    }
    let (imp, workload) = (args[1].as_str(), args[2].as_str());
    let m: u64 = args[3].parse().unwrap_or_else(|_| usage("bad message count"));
    let reps: u32 = args[4].parse().unwrap_or_else(|_| usage("bad repetition count"));
    if m < THREADS || reps == 0 {
        usage("messages must be >= 4 and reps >= 1");
    }
    let (flavor, kind) = workload
        .split_once('-')
        .unwrap_or_else(|| usage("workload must be <flavor>-<kind>"));
    let cap = capacity(flavor, m);
    let run = pick(imp, flavor, kind)
        .unwrap_or_else(|| usage(&format!("{imp} does not support {workload}")));
    let total = if kind == "seq" || kind == "spsc" { m } else { m / THREADS * THREADS };
    let mut best = 0.0f64;
    for _ in 0..reps {
        let start = Instant::now();
        let sum = run(cap, m);
        let secs = start.elapsed().as_secs_f64();
        if sum != expected_sum(kind, m) {
            eprintln!("fl-rust-bench: {imp} {workload}: received sum {sum}, expected {}",
                      expected_sum(kind, m));
            exit(1);
        }
        best = best.max(total as f64 / secs);
    }
    println!("RESULT {workload} {imp} {best:.0}");
}
