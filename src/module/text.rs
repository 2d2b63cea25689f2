//! The text format as input to `Module::new`: `.wat` text becomes a binary
//! module through the `wat` crate, and its errors become `InvalidModule`
//! errors that point into the text.
//!
//! Optional (the `wat` feature), because an embedder that loads compiled
//! `.wasm` files has no use for a text parser. Without the feature, text
//! input still gets an error that explains itself rather than the binary
//! decoder's "magic header not detected".

use crate::error::{Error, Result};

/// The binary module that `text` describes.
#[cfg(feature = "wat")]
pub(super) fn to_binary(text: &str) -> Result<Vec<u8>> {
    wat::parse_str(text).map_err(|e| wat_error(text, &e))
}

/// Text input when this build has no text parser.
#[cfg(not(feature = "wat"))]
pub(super) fn to_binary(_text: &str) -> Result<Vec<u8>> {
    Err(Error::InvalidModule {
        message: "this looks like the text format (.wat), which needs Flint's `wat` \
                  feature; this build reads binary modules (.wasm) only"
            .to_string(),
        offset: 0,
    })
}

/// A text-format error as an `InvalidModule` error. The message is wat's
/// own rendering (the error, then `--> <anon>:LINE:COLUMN` and the line
/// with a caret); the offset is the byte offset in the text that LINE and
/// COLUMN (1-based, the column in bytes) point at, as far as the rendering
/// tells.
#[cfg(feature = "wat")]
fn wat_error(text: &str, e: &wat::Error) -> Error {
    let rendered = e.to_string();
    let offset = rendered
        .rsplit_once("<anon>:")
        .and_then(|(_, at)| {
            let mut numbers = at.split(|c: char| !c.is_ascii_digit());
            let line: usize = numbers.next()?.parse().ok()?;
            let column: usize = numbers.next()?.parse().ok()?;
            let line_start: usize = text
                .split_terminator('\n')
                .take(line.checked_sub(1)?)
                .map(|l| l.len() + 1)
                .sum();
            Some((line_start + column.checked_sub(1)?).min(text.len()))
        })
        .unwrap_or(0);
    Error::InvalidModule {
        message: format!("text format: {rendered}"),
        offset,
    }
}
