//! The `bouncelens` binary: all behaviour lives in the library; this only wires the process's
//! arguments and streams to it.

use std::io::{self, BufWriter};

fn main() {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut err = io::stderr();
    let status = bouncelens::cli::run(std::env::args_os(), &mut out, &mut err);
    drop(out);
    std::process::exit(status);
}
