//! A `--json` document as it is written: the small parts as `Value`s (`period`, `units`, `town`, …,
//! in their order), then the big lists (`diagnostics`, `files`) serialised straight from the dataset.
//! Written pretty-printed, exactly as `serde_json::to_string_pretty` of the whole `Value` would be.

use super::lists::{Diags, Files};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

pub struct Doc<'a> {
    /// The top-level keys before the lists, in order.
    pub head: Vec<(&'static str, Value)>,
    /// The lists, in order, after the head.
    pub tail: Vec<(&'static str, Part<'a>)>,
}

pub enum Part<'a> {
    Files(Files<'a>),
    Diags(Diags<'a>),
}

impl Serialize for Part<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        match self {
            Part::Files(f) => f.serialize(ser),
            Part::Diags(d) => d.serialize(ser),
        }
    }
}

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        let mut m = ser.serialize_map(Some(self.head.len() + self.tail.len()))?;
        for (k, v) in &self.head {
            m.serialize_entry(k, v)?;
        }
        for (k, v) in &self.tail {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl Doc<'_> {
    /// The document as pretty JSON text with a final newline (what `--json` writes), streamed to `w`.
    pub fn write_to(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *w, self)?;
        w.write_all(b"\n")
    }
}
