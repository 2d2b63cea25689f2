//! The runtime: everything JIT code needs around it while it runs.

pub mod vmctx;
