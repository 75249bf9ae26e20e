//! bouncelens: load an email suppression export, explain every bounce, and help clean the list.
//!
//! Domain first, presentation last: [`ingest`] turns files into a [`model::Dataset`], [`codes`]
//! knows what SMTP codes mean and classifies each contact, [`typo`] spots addresses that were
//! merely mistyped, [`advice`] turns all that into a next step per contact, [`stats`],
//! [`filter`] and [`search`] answer questions about the contacts, [`export`] writes them back
//! out, and [`cli`] and [`tui`] present them. Domain modules never import the dashboard, and the
//! dashboard never parses files.

#![warn(missing_docs)]

pub mod advice;
pub mod cli;
pub mod codes;
pub mod export;
pub mod filter;
pub mod ingest;
pub mod model;
pub mod render;
pub mod search;
pub mod stats;
pub mod tui;
pub mod typo;
