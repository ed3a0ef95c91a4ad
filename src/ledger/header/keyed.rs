//! A header cell's text with what it names, worked out once: its keys, its word parts, and per kind
//! what it names by name or alias and by word parts, kept per reading thread across sheets
//! (`KeyCache`).

use super::parts::{Lexicon, Part};
use super::settle::Hit;
use crate::text::header_keys;
use rustc_hash::FxHashMap;
use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

/// A header cell's text, its [`header_keys`] and (worked out only when no name or alias matches)
/// the word parts of each key, and per kind (a matcher's `slot`) what it names by name or alias and
/// by word parts, each worked out when first asked.
#[derive(Clone)]
pub(crate) struct Keyed {
    pub(crate) text: String,
    pub(super) info: Rc<KeyInfo>,
}

pub(super) struct KeyInfo {
    pub(super) keys: Vec<String>,
    parts: OnceCell<Vec<Vec<Part>>>,
    pub(super) exact: Vec<OnceCell<Option<Hit>>>,
    pub(super) family: Vec<OnceCell<Option<Hit>>>,
}

impl KeyInfo {
    fn new(text: &str, kinds: usize) -> KeyInfo {
        KeyInfo {
            keys: header_keys(text),
            parts: OnceCell::new(),
            exact: (0..kinds).map(|_| OnceCell::new()).collect(),
            family: (0..kinds).map(|_| OnceCell::new()).collect(),
        }
    }
}

/// Header texts recur from sheet to sheet (every village's ledger has the same header row), so
/// what a text names is kept per reading thread for the recogniser at work (`run`: one id per
/// recogniser, see `Recogniser::new`), for texts of a header cell's length and up to
/// [`KEY_CACHE_TEXTS`] texts, and worked out once per run rather than once per sheet.
pub(crate) struct KeyCache {
    run: u64,
    kinds: usize,
    texts: FxHashMap<String, Rc<KeyInfo>>,
}

const KEY_CACHE_TEXTS: usize = 4096;
const KEY_CACHE_LEN: usize = 48;

thread_local! {
    static KEY_CACHE: RefCell<KeyCache> = RefCell::new(KeyCache {
        run: u64::MAX,
        kinds: 0,
        texts: FxHashMap::default(),
    });
}

impl KeyCache {
    /// Runs `f` with this thread's cache, emptied first when it was another recogniser's.
    pub(super) fn with<T>(run: u64, kinds: usize, f: impl FnOnce(&mut KeyCache) -> T) -> T {
        KEY_CACHE.with_borrow_mut(|c| {
            // (a recogniser's number of kinds never changes: its id alone says whose it is)
            if c.run != run {
                c.run = run;
                c.kinds = kinds;
                c.texts.clear();
            }
            f(c)
        })
    }

    pub(super) fn keyed(&mut self, text: String) -> Keyed {
        if let Some(info) = self.texts.get(text.as_str()) {
            return Keyed {
                info: Rc::clone(info),
                text,
            };
        }
        let info = Rc::new(KeyInfo::new(&text, self.kinds));
        if text.len() <= KEY_CACHE_LEN && self.texts.len() < KEY_CACHE_TEXTS {
            self.texts.insert(text.clone(), Rc::clone(&info));
        }
        Keyed { text, info }
    }
}

impl Keyed {
    pub(super) fn new(text: String) -> Keyed {
        Keyed {
            info: Rc::new(KeyInfo::new(&text, 0)),
            text,
        }
    }

    pub(super) fn parts(&self, lx: &Lexicon) -> &[Vec<Part>] {
        self.info
            .parts
            .get_or_init(|| self.info.keys.iter().filter_map(|k| lx.parts(k)).collect())
    }
}
