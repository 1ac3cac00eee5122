//! HEIC (the iPhone's photo format) through the platform's libheif, opened at run time.
//!
//! The HEVC decoder inside libheif is patent-encumbered and large, so the app does not ship one.
//! The `libheif-sys` crate would link libheif at build time and needs 1.17 or newer, which Debian
//! 12 (libheif 1.15) does not have. Opening the library at run time instead lets one binary
//! convert HEIC wherever libheif is installed and refuse it, with advice, everywhere else.
//!
//! Sixteen functions are used, all in libheif's C API since 1.x (`heif_init` since 1.13, and
//! optional), declared here by hand from `heif.h` (1.15). The library is opened once, at the first
//! HEIC file, and stays open for the life of the process.

use std::ffi::{c_char, c_int, c_void, CStr};
use std::ptr;
use std::sync::OnceLock;

use image::{DynamicImage, RgbImage, RgbaImage};
use libloading::Library;

use crate::decode::flatten_to_rgb;
use crate::error::PhotoError;
use crate::limits::DecodeLimits;
use crate::sniff::SourceFormat;

/// Where libheif is found: the versioned name the runtime package installs (the unversioned
/// `.so` comes only with the -dev package), Homebrew's two prefixes on macOS (absolute, so no
/// other folder is searched first), and the names vcpkg and MSYS2 give the DLL on Windows.
#[cfg(all(unix, not(target_os = "macos")))]
const LIBRARY_NAMES: &[&str] = &["libheif.so.1", "libheif.so"];
#[cfg(target_os = "macos")]
const LIBRARY_NAMES: &[&str] = &[
    "/opt/homebrew/lib/libheif.1.dylib",
    "/usr/local/lib/libheif.1.dylib",
    "libheif.1.dylib",
];
#[cfg(windows)]
const LIBRARY_NAMES: &[&str] = &["heif.dll", "libheif.dll"];
#[cfg(not(any(unix, windows)))]
const LIBRARY_NAMES: &[&str] = &[];

// Values from heif.h, unchanged since libheif 1.0. C enums are passed as int.
const COLORSPACE_RGB: c_int = 1; // heif_colorspace_RGB
const CHROMA_INTERLEAVED_RGB: c_int = 10; // heif_chroma_interleaved_RGB
const CHROMA_INTERLEAVED_RGBA: c_int = 11; // heif_chroma_interleaved_RGBA
const CHANNEL_INTERLEAVED: c_int = 10; // heif_channel_interleaved
const COMPRESSION_HEVC: c_int = 1; // heif_compression_HEVC
const ERROR_OK: c_int = 0; // heif_error_Ok
const ERROR_INVALID_INPUT: c_int = 2; // heif_error_Invalid_input
const ERROR_UNSUPPORTED_FEATURE: c_int = 4; // heif_error_Unsupported_feature
const ERROR_USAGE: c_int = 5; // heif_error_Usage_error
const ERROR_MEMORY_ALLOCATION: c_int = 6; // heif_error_Memory_allocation_error
const SUBERROR_END_OF_DATA: c_int = 100; // heif_suberror_End_of_data

/// `struct heif_error`, returned by value.
#[repr(C)]
struct HeifError {
    code: c_int,
    subcode: c_int,
    /// Always set; valid until the next call on the object that returned it.
    message: *const c_char,
}

// Opaque libheif objects.
enum Context {}
enum Handle {}
enum Image {}

type InitFn = unsafe extern "C" fn(params: *mut c_void) -> HeifError;
type HaveDecoderFn = unsafe extern "C" fn(format: c_int) -> c_int;
type ContextAllocFn = unsafe extern "C" fn() -> *mut Context;
type ContextFreeFn = unsafe extern "C" fn(context: *mut Context);
type ReadFromMemoryFn = unsafe extern "C" fn(
    context: *mut Context,
    mem: *const c_void,
    size: usize,
    options: *const c_void,
) -> HeifError;
type PrimaryHandleFn =
    unsafe extern "C" fn(context: *mut Context, handle: *mut *mut Handle) -> HeifError;
type HandleIntFn = unsafe extern "C" fn(handle: *const Handle) -> c_int;
type HandleReleaseFn = unsafe extern "C" fn(handle: *const Handle);
type DecodeFn = unsafe extern "C" fn(
    handle: *const Handle,
    image: *mut *mut Image,
    colorspace: c_int,
    chroma: c_int,
    options: *const c_void,
) -> HeifError;
type PlaneFn =
    unsafe extern "C" fn(image: *const Image, channel: c_int, stride: *mut c_int) -> *const u8;
type ImageChannelIntFn = unsafe extern "C" fn(image: *const Image, channel: c_int) -> c_int;
type ImageReleaseFn = unsafe extern "C" fn(image: *const Image);

/// The opened library and the functions taken from it. Lives in a static: the library is never
/// closed, so the function pointers stay valid.
struct Libheif {
    library: Library,
    context_alloc: ContextAllocFn,
    context_free: ContextFreeFn,
    read_from_memory_without_copy: ReadFromMemoryFn,
    get_primary_image_handle: PrimaryHandleFn,
    handle_get_width: HandleIntFn,
    handle_get_height: HandleIntFn,
    handle_has_alpha_channel: HandleIntFn,
    handle_release: HandleReleaseFn,
    decode_image: DecodeFn,
    image_get_plane_readonly: PlaneFn,
    image_get_width: ImageChannelIntFn,
    image_get_height: ImageChannelIntFn,
    image_get_bits_per_pixel: ImageChannelIntFn,
    image_release: ImageReleaseFn,
}

static LIBHEIF: OnceLock<Option<Libheif>> = OnceLock::new();

fn libheif() -> Option<&'static Libheif> {
    LIBHEIF
        .get_or_init(|| LIBRARY_NAMES.iter().find_map(|name| Libheif::open(name)))
        .as_ref()
}

/// True when HEIC photos are converted here: libheif was found, with an HEVC decoder. When false,
/// HEIC is refused with advice on getting a JPEG instead. The first call opens the library.
pub fn heic_supported() -> bool {
    libheif().is_some()
}

impl Libheif {
    /// Opens `name` and takes the functions; `None` when it cannot be opened, lacks a function or
    /// cannot decode HEVC.
    fn open(name: &str) -> Option<Libheif> {
        // SAFETY: libheif's initialisers only set up its own state; the name is one of the fixed
        // system names above, never from input.
        let library = unsafe { open_library(name) }.ok()?;
        // SAFETY: each type matches the function's declaration in heif.h (1.x).
        let libheif = unsafe {
            Libheif {
                context_alloc: *library.get(b"heif_context_alloc\0").ok()?,
                context_free: *library.get(b"heif_context_free\0").ok()?,
                read_from_memory_without_copy: *library
                    .get(b"heif_context_read_from_memory_without_copy\0")
                    .ok()?,
                get_primary_image_handle: *library
                    .get(b"heif_context_get_primary_image_handle\0")
                    .ok()?,
                handle_get_width: *library.get(b"heif_image_handle_get_width\0").ok()?,
                handle_get_height: *library.get(b"heif_image_handle_get_height\0").ok()?,
                handle_has_alpha_channel: *library
                    .get(b"heif_image_handle_has_alpha_channel\0")
                    .ok()?,
                handle_release: *library.get(b"heif_image_handle_release\0").ok()?,
                decode_image: *library.get(b"heif_decode_image\0").ok()?,
                image_get_plane_readonly: *library.get(b"heif_image_get_plane_readonly\0").ok()?,
                image_get_width: *library.get(b"heif_image_get_width\0").ok()?,
                image_get_height: *library.get(b"heif_image_get_height\0").ok()?,
                image_get_bits_per_pixel: *library.get(b"heif_image_get_bits_per_pixel\0").ok()?,
                image_release: *library.get(b"heif_image_release\0").ok()?,
                library,
            }
        };
        // SAFETY: as above; both functions are optional, looked up by name.
        let has_hevc = unsafe {
            // heif_init (1.13+) loads the decoder plugins of builds that have them (Debian 13
            // splits libde265 into a plugin); older builds have their decoders built in and no
            // heif_init. It is never matched by heif_deinit: the library stays open until exit,
            // and a deinit at exit could pull it from under a photo still being decoded.
            if let Ok(init) = libheif.library.get::<InitFn>(b"heif_init\0") {
                // A plugin that fails to load is reported here; the decoder check below tells
                // whether the one that matters is there.
                let _ = init(ptr::null_mut());
            }
            libheif
                .library
                .get::<HaveDecoderFn>(b"heif_have_decoder_for_format\0")
                .map_or(true, |have_decoder| have_decoder(COMPRESSION_HEVC) != 0)
        };
        if !has_hevc {
            // Some distributions build libheif without an HEVC decoder (patents): it then reads
            // AVIF only, no use for iPhone photos. It stays loaded, unused: closing a library
            // whose heif_init has loaded plugins is asking for trouble.
            std::mem::forget(libheif);
            return None;
        }
        Some(libheif)
    }
}

/// Windows also looks for a bare DLL name in the current folder and along PATH, which the app
/// does not control (a planted `heif.dll` would run inside it): only the app's folder and the
/// system's are searched instead.
#[cfg(windows)]
unsafe fn open_library(name: &str) -> Result<Library, libloading::Error> {
    use libloading::os::windows::{Library as WindowsLibrary, LOAD_LIBRARY_SEARCH_DEFAULT_DIRS};
    WindowsLibrary::load_with_flags(name, LOAD_LIBRARY_SEARCH_DEFAULT_DIRS).map(Library::from)
}

#[cfg(not(windows))]
unsafe fn open_library(name: &str) -> Result<Library, libloading::Error> {
    Library::new(name)
}

/// Frees the context on every path out.
struct ContextGuard<'l>(&'l Libheif, *mut Context);

impl Drop for ContextGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: allocated by heif_context_alloc, freed once.
        unsafe { (self.0.context_free)(self.1) }
    }
}

struct HandleGuard<'l>(&'l Libheif, *mut Handle);

impl Drop for HandleGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: returned by heif_context_get_primary_image_handle, released once.
        unsafe { (self.0.handle_release)(self.1) }
    }
}

struct ImageGuard<'l>(&'l Libheif, *mut Image);

impl Drop for ImageGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: returned by heif_decode_image, released once.
        unsafe { (self.0.image_release)(self.1) }
    }
}

/// libheif's answer as a `PhotoError`. Must be called before the object that returned it is
/// released: the message lives in that object.
fn check(error: HeifError) -> Result<(), PhotoError> {
    if error.code == ERROR_OK {
        return Ok(());
    }
    let format = SourceFormat::Heic;
    let message = if error.message.is_null() {
        String::new()
    } else {
        // SAFETY: heif.h promises a NUL-terminated string, alive until the next call.
        unsafe { CStr::from_ptr(error.message) }
            .to_string_lossy()
            .trim_end()
            .to_string()
    };
    Err(match (error.code, error.subcode) {
        (ERROR_INVALID_INPUT, SUBERROR_END_OF_DATA) => PhotoError::Truncated { format },
        (ERROR_UNSUPPORTED_FEATURE, _) => PhotoError::Corrupt {
            format,
            detail: format!("it uses a feature we cannot read: {message}"),
        },
        // libheif's own limits (a box or an image too large to allocate): refused like a bomb.
        (ERROR_MEMORY_ALLOCATION, _) => PhotoError::Corrupt {
            format,
            detail: format!("decoding it would need too much memory: {message}"),
        },
        (ERROR_USAGE, _) => PhotoError::Internal(format!("libheif: {message}")),
        // Invalid input, an unsupported file type, the HEVC decoder's errors.
        _ => PhotoError::Corrupt {
            format,
            detail: message,
        },
    })
}

/// Decodes the primary image of a HEIC file to RGB, within the limits; transparent areas become
/// white. The picture comes out upright: libheif applies the file's `irot`/`imir`/`clap`
/// transforms while decoding, which is what HEIF defines as the orientation, so the EXIF
/// orientation tag a phone also writes there must not be applied again (orientation 1).
pub(crate) fn decode_heic(bytes: &[u8], limits: &DecodeLimits) -> Result<RgbImage, PhotoError> {
    let format = SourceFormat::Heic;
    let Some(lib) = libheif() else {
        return Err(PhotoError::UnsupportedFormat {
            format: crate::sniff::RefusedFormat::Heic,
        });
    };
    // SAFETY (the whole function): every pointer passed to libheif is either one it returned and
    // that is still alive (guards release them in reverse order on every path), or `bytes`,
    // which outlives the context reading it without a copy. Nothing libheif returns is used
    // after its guard is dropped.
    let context = unsafe { (lib.context_alloc)() };
    if context.is_null() {
        return Err(PhotoError::Internal(
            "libheif could not allocate a context".to_string(),
        ));
    }
    let context = ContextGuard(lib, context);
    let checked = |error| check(error).map_err(|error| name_the_cut(error, bytes));
    checked(unsafe {
        (lib.read_from_memory_without_copy)(
            context.1,
            bytes.as_ptr().cast(),
            bytes.len(),
            ptr::null(),
        )
    })?;
    let mut handle = ptr::null_mut();
    checked(unsafe { (lib.get_primary_image_handle)(context.1, &mut handle) })?;
    if handle.is_null() {
        return Err(PhotoError::Corrupt {
            format,
            detail: "it holds no image".to_string(),
        });
    }
    let handle = HandleGuard(lib, handle);

    // The size after the transforms, from the header: checked before anything is decoded.
    let (width, height) = unsafe {
        (
            (lib.handle_get_width)(handle.1),
            (lib.handle_get_height)(handle.1),
        )
    };
    limits.check_dimensions(format, side(width), side(height))?;
    check_stream_sizes(bytes, limits, side(width), side(height))?;
    let has_alpha = unsafe { (lib.handle_has_alpha_channel)(handle.1) } != 0;
    let (chroma, channels) = if has_alpha {
        (CHROMA_INTERLEAVED_RGBA, 4)
    } else {
        (CHROMA_INTERLEAVED_RGB, 3)
    };

    let mut image = ptr::null_mut();
    // Null options: libheif's defaults, which apply the transforms and convert any bit depth
    // to the 8 bits the interleaved chroma asks for.
    checked(unsafe {
        (lib.decode_image)(handle.1, &mut image, COLORSPACE_RGB, chroma, ptr::null())
    })?;
    if image.is_null() {
        return Err(PhotoError::Internal(
            "libheif returned no image".to_string(),
        ));
    }
    let image = ImageGuard(lib, image);
    let (width, height, bits) = unsafe {
        (
            (lib.image_get_width)(image.1, CHANNEL_INTERLEAVED),
            (lib.image_get_height)(image.1, CHANNEL_INTERLEAVED),
            (lib.image_get_bits_per_pixel)(image.1, CHANNEL_INTERLEAVED),
        )
    };
    limits.check_dimensions(format, side(width), side(height))?;
    if bits != channels * 8 {
        return Err(PhotoError::Internal(format!(
            "libheif decoded {bits} bits per pixel for {channels} 8-bit channels"
        )));
    }
    let mut stride: c_int = 0;
    let plane =
        unsafe { (lib.image_get_plane_readonly)(image.1, CHANNEL_INTERLEAVED, &mut stride) };
    // check_dimensions bounds both sides to 65535 and their product to max_pixels.
    let (width, height) = (width as usize, height as usize);
    let row_len = width * channels as usize;
    let stride = usize::try_from(stride).unwrap_or(0);
    if plane.is_null() || stride < row_len {
        return Err(PhotoError::Internal(
            "libheif returned no usable pixels".to_string(),
        ));
    }
    let mut pixels = Vec::with_capacity(row_len * height);
    for y in 0..height {
        // SAFETY: the plane holds `height` rows of `stride` bytes, each starting with `row_len`
        // bytes of pixels; the image is alive until `image` is dropped below.
        let row = unsafe { std::slice::from_raw_parts(plane.add(y * stride), row_len) };
        pixels.extend_from_slice(row);
    }
    drop(image);
    drop(handle);
    drop(context);

    let (width, height) = (width as u32, height as u32);
    let wrong_size = || PhotoError::Internal("decoded HEIC buffer has the wrong size".to_string());
    if has_alpha {
        let rgba = RgbaImage::from_raw(width, height, pixels).ok_or_else(wrong_size)?;
        flatten_to_rgb(DynamicImage::ImageRgba8(rgba))
    } else {
        RgbImage::from_raw(width, height, pixels).ok_or_else(wrong_size)
    }
}

/// The HEVC streams may not be larger than the header says (libheif's decoder would make
/// frames of the stream's size, whatever the header states): each within the pixel limit, and
/// at most four times the stated area (tiles, thumbnails and the alpha plane are smaller; the
/// stream of a cropped image a little larger).
fn check_stream_sizes(
    bytes: &[u8],
    limits: &DecodeLimits,
    width: u64,
    height: u64,
) -> Result<(), PhotoError> {
    let Some(sizes) = crate::hevc_size::hevc_picture_sizes(bytes) else {
        return Ok(());
    };
    let allowed = (width + 64).saturating_mul(height + 64).saturating_mul(4);
    for (stream_width, stream_height) in sizes {
        limits.check_dimensions(SourceFormat::Heic, stream_width, stream_height)?;
        if stream_width.saturating_mul(stream_height) > allowed {
            return Err(PhotoError::Corrupt {
                format: SourceFormat::Heic,
                detail: format!(
                    "its header says {width} x {height} pixels, but its picture data is \
                     {stream_width} x {stream_height}"
                ),
            });
        }
    }
    Ok(())
}

/// libheif reports most files cut inside their header as a missing box ("No 'meta' box"): when
/// a top-level box runs past the end of the file, being cut short is the better explanation.
fn name_the_cut(error: PhotoError, bytes: &[u8]) -> PhotoError {
    match error {
        PhotoError::Corrupt { format, .. } if cut_short(bytes) => PhotoError::Truncated { format },
        other => other,
    }
}

/// True when the last top-level box (ftyp, meta, mdat...) claims more bytes than are left.
fn cut_short(bytes: &[u8]) -> bool {
    let mut pos = 0usize;
    while pos < bytes.len() {
        let Some(header) = bytes.get(pos..pos + 8) else {
            return true; // a box header cut in two
        };
        let size = match u32::from_be_bytes([header[0], header[1], header[2], header[3]]) {
            0 => return false, // runs to the end of the file, whatever its length
            1 => match bytes.get(pos + 8..pos + 16) {
                Some(large) => large.iter().fold(0u64, |n, &b| n << 8 | u64::from(b)),
                None => return true,
            },
            size => u64::from(size),
        };
        if size < 8 {
            return false; // nonsense, not a cut
        }
        match usize::try_from(size)
            .ok()
            .and_then(|size| pos.checked_add(size))
        {
            Some(end) if end <= bytes.len() => pos = end,
            _ => return true,
        }
    }
    false
}

/// A side as libheif reports it (an int, -1 on error) for `check_dimensions`, where 0 is refused
/// as corrupt.
fn side(value: c_int) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_library_is_not_support() {
        assert!(Libheif::open("libcardcoins-no-such-library.so.1").is_none());
    }

    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    #[test]
    fn a_library_without_libheifs_functions_is_not_support() {
        // glibc's C library opens fine but has none of libheif's functions.
        assert!(Libheif::open("libc.so.6").is_none());
    }

    #[test]
    fn cuts_are_told_from_box_sizes() {
        let whole = b"\0\0\0\x0cftypheic\0\0\0\x0cmeta\0\0\0\0";
        assert!(!cut_short(whole));
        assert!(cut_short(&whole[..20])); // inside the meta box
        assert!(cut_short(&whole[..14])); // inside its header
        assert!(!cut_short(&whole[..12])); // between boxes: nothing says more was coming
        assert!(!cut_short(b"\0\0\0\0mdat")); // size 0: to the end
        assert!(cut_short(b"\0\0\0\x01mdat\0\0\0\0\0\0\0\x20\0")); // 64-bit size
        assert!(!cut_short(b"\0\0\0\x02ftyp")); // impossible size: damaged, not cut
    }

    #[test]
    fn libheif_errors_become_photo_errors() {
        let error = |code, subcode| {
            check(HeifError {
                code,
                subcode,
                message: c"Invalid input: some detail".as_ptr(),
            })
        };
        assert!(error(ERROR_OK, 0).is_ok());
        let truncated = error(ERROR_INVALID_INPUT, SUBERROR_END_OF_DATA);
        assert_eq!(truncated.map_err(|e| e.code()), Err("photo.truncated"));
        let corrupt = error(ERROR_INVALID_INPUT, 101).unwrap_err();
        assert_eq!(corrupt.code(), "photo.corrupt");
        assert!(
            corrupt.detail().is_some_and(|d| d.contains("some detail")),
            "{corrupt:?}"
        );
        assert!(corrupt.to_string().contains("HEIC"), "{corrupt}");
        let plugin = error(7, 0);
        assert_eq!(plugin.map_err(|e| e.code()), Err("photo.corrupt"));
        let usage = error(ERROR_USAGE, 2001);
        assert_eq!(usage.map_err(|e| e.code()), Err("photo.internal"));
        let no_message = check(HeifError {
            code: ERROR_INVALID_INPUT,
            subcode: 0,
            message: ptr::null(),
        });
        assert_eq!(no_message.map_err(|e| e.code()), Err("photo.corrupt"));
    }
}
