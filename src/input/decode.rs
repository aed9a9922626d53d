//! Decoding: an input's bytes → its text (see the module doc of [`crate::input`] for the
//! rules: byte-order marks, `--encoding`, UTF-8, GB18030 detection, binary refusals).

use std::path::Path;

use encoding_rs::{DecoderResult, Encoding};

use crate::error::{Error, Position, Result};
use crate::text::is_han;

/// The encoding a user names (`GB18030`, `gbk`, `big5`, `utf-16le`, `UTF-8` … any WHATWG
/// label, case-insensitive).
pub fn encoding_for_label(name: &str) -> Result<&'static Encoding> {
    match Encoding::for_label(name.trim().as_bytes()) {
        Some(e) if e != encoding_rs::REPLACEMENT => Ok(e),
        _ => Err(Error::usage(format!(
            "unknown encoding {name:?} for --encoding; use UTF-8, GB18030, GBK, Big5, UTF-16LE, UTF-16BE or another WHATWG encoding label"
        ))),
    }
}

/// Text decoded from an input's bytes, and what to tell the user about how.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Set when the encoding was not plain UTF-8: which one, and why.
    pub note: Option<String>,
}

/// Decodes an input's bytes (see the module doc for the rules); `forced` is the encoding
/// named with `--encoding`. Errors name `path` and the byte offset of the first bad byte.
pub fn decode(path: &Path, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<Decoded> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let text = decode_strict(path, bytes, bom, encoding)?;
        refuse_nul(path, &text)?;
        let note = (encoding != encoding_rs::UTF_8).then(|| {
            format!(
                "read as {} (it starts with that byte-order mark)",
                encoding.name()
            )
        });
        return Ok(Decoded {
            text,
            encoding,
            note,
        });
    }
    refuse_binary(path, bytes, forced)?;
    if let Some(encoding) = forced {
        let text = decode_strict(path, bytes, 0, encoding)?;
        refuse_nul(path, &text)?;
        return Ok(Decoded {
            text,
            encoding,
            note: None,
        });
    }
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_string(),
                encoding: encoding_rs::UTF_8,
                note: None,
            });
        }
        Err(e) => e,
    };
    let offset = error.valid_up_to();
    let valid = String::from_utf8_lossy(&bytes[..offset]);
    if !valid.chars().any(is_cjk)
        && let Some(text) = as_chinese_gb18030(bytes)
    {
        return Ok(Decoded {
            text,
            encoding: encoding_rs::GB18030,
            note: Some(
                "is not UTF-8; read as GB18030 (Chinese); if that is wrong, name its encoding with --encoding"
                    .into(),
            ),
        });
    }
    Err(Error::input(
        path,
        Some(Position::of_byte(&valid, offset)),
        format!(
            "not valid UTF-8 at byte offset {offset} (byte 0x{:02X}); if the file is in another encoding, name it with --encoding (GB18030, GBK, Big5, UTF-16LE …), or convert it to UTF-8 (`iconv -f GB18030 -t UTF-8`)",
            bytes[offset]
        ),
    ))
}

/// `bytes[start..]` decoded with `encoding`, refusing malformed input with its offset.
fn decode_strict(
    path: &Path,
    bytes: &[u8],
    start: usize,
    encoding: &'static Encoding,
) -> Result<String> {
    let input = &bytes[start..];
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(input.len())
        .unwrap_or(input.len());
    let mut text = String::with_capacity(capacity);
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&input[read..], &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(input.len() - read + 16),
            DecoderResult::Malformed(bad, after) => {
                let offset = start + read - usize::from(after) - usize::from(bad);
                let what = match encoding == encoding_rs::UTF_8 {
                    true => "convert the file to UTF-8",
                    false => {
                        "name the file's real encoding with --encoding, or convert it to UTF-8"
                    }
                };
                return Err(Error::input(
                    path,
                    Some(Position::of_byte(&text, text.len())),
                    format!(
                        "not valid {} at byte offset {offset}; {what}",
                        encoding.name()
                    ),
                ));
            }
        }
    }
}

/// The text of `bytes` as GB18030, if it decodes without error and its non-ASCII
/// characters are mostly Chinese (characters and CJK punctuation).
fn as_chinese_gb18030(bytes: &[u8]) -> Option<String> {
    let text = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)?
        .into_owned();
    let (cjk, other) = text.chars().filter(|c| !c.is_ascii()).fold(
        (0usize, 0usize),
        |(cjk, other), c| match is_cjk(c) {
            true => (cjk + 1, other),
            false => (cjk, other + 1),
        },
    );
    (cjk > 0 && cjk >= 4 * other).then_some(text)
}

/// A Chinese character, CJK punctuation or a full-width form.
fn is_cjk(c: char) -> bool {
    is_han(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF | 0x2E80..=0x2FDF)
}

/// Refuses what is plainly not text: known binary formats by their magic number, and
/// any NUL byte (unless an encoding that has them, UTF-16 or UTF-32, was named).
fn refuse_binary(path: &Path, bytes: &[u8], forced: Option<&'static Encoding>) -> Result<()> {
    const MAGIC: &[(&[u8], &str)] = &[
        (
            b"%PDF-",
            "a PDF document; extract its text first (`pdftotext FILE.pdf FILE.txt`)",
        ),
        (
            b"PK\x03\x04",
            "a ZIP archive (a .docx or .odt?); save the document as plain text",
        ),
        (
            b"\xD0\xCF\x11\xE0",
            "an old Office document (.doc?); save it as plain text",
        ),
        (b"{\\rtf", "an RTF document; save it as plain text"),
        (b"\x89PNG", "a PNG image, not text"),
        (b"\xFF\xD8\xFF", "a JPEG image, not text"),
        (b"GIF8", "a GIF image, not text"),
        (b"\x1F\x8B", "a gzip file; decompress it first (`gunzip`)"),
        (b"\x7FELF", "a program (ELF), not text"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(Error::input(
                path,
                None,
                format!("is {what}; diplograph reads plain-text documents"),
            ));
        }
    }
    let wide = forced.is_some_and(|e| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if !wide && let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::input(
            path,
            None,
            format!(
                "looks like a binary file, not text (a NUL byte at byte offset {offset}); if it is UTF-16 text without a byte-order mark, name it with --encoding UTF-16LE or UTF-16BE"
            ),
        ));
    }
    Ok(())
}

/// Refuses decoded text that holds a NUL character: no document does.
fn refuse_nul(path: &Path, text: &str) -> Result<()> {
    match text.find('\0') {
        Some(at) => Err(Error::input(
            path,
            Some(Position::of_byte(text, at)),
            "looks like a binary file, not text (it holds a NUL character); check its --encoding",
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(Path::new("bad.txt"), b"ab\xFFcd", None).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("bad.txt:1:3: not valid UTF-8 at byte offset 2"),
            "{err}"
        );
    }
}
