//! Byte counts as people read them. Decimal units, because the upload limit is stated as "5 MB"
//! and means 5,000,000 bytes.

pub fn human_size(bytes: u64) -> String {
    const KB: u64 = 1_000;
    const MB: u64 = 1_000_000;
    const GB: u64 = 1_000_000_000;
    if bytes >= GB {
        format!("{}.{} GB", bytes / GB, (bytes % GB) / (GB / 10))
    } else if bytes >= MB {
        format!("{}.{} MB", bytes / MB, (bytes % MB) / (MB / 10))
    } else if bytes >= KB {
        format!("{} KB", bytes / KB)
    } else if bytes == 1 {
        "1 byte".to_string()
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::human_size;

    #[test]
    fn rounds_down_to_one_decimal() {
        assert_eq!(human_size(5_000_000), "5.0 MB");
        assert_eq!(human_size(3_149_999), "3.1 MB");
        assert_eq!(human_size(104_857_600), "104.8 MB");
        assert_eq!(human_size(2_500_000_000), "2.5 GB");
        assert_eq!(human_size(51_200), "51 KB");
        assert_eq!(human_size(0), "0 bytes");
        assert_eq!(human_size(1), "1 byte");
    }
}
