//! bouncelens: load an email suppression export, explain every bounce, and help clean the list.

pub mod codes;
pub mod ingest;
pub mod model;
