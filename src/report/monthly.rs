//! The monthly supervision workbook (一月一督导/一月一调度). PLACEHOLDER: being written.
