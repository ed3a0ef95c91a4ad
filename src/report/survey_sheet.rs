//! The 民调指标 sheet (survey rates). PLACEHOLDER: being written.
