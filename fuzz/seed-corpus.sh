#!/usr/bin/env bash
# Writes the seed inputs of the committed fuzz corpus (fuzz/corpus/<target>/seed-*). Run once by
# hand when the seeds should change, then commit the result; `make fuzz` never runs it. Inputs the
# fuzzer found and `make fuzz-merge` kept (named by their SHA-1), and regression inputs
# (regress-*), are left alone.
#
# photo_intake: small real files made with ImageMagick and exiftool (both installed by
#   scripts/setup-debian.sh): JPEG baseline/progressive/grey/CMYK/4:4:4 with EXIF orientation and
#   GPS, PNG in every colour type with an eXIf orientation, WebP lossy/lossless/alpha with EXIF,
#   files whose headers claim more pixels than they hold, HEIC, and the refused formats' headers.
# destination: the input column of crates/core/tests/vectors/*.txt (BIP-173/350, BIP-21, BOLT11,
#   Lightning Address, our own address table).
# api_response: the examples of the CardCoins API v2 reference (docs/api-reference.md) and the sandbox's
#   answers (crates/sandbox/src/routes), errors and the image store's XML.
set -euo pipefail
cd "$(dirname "$0")"

for tool in convert exiftool; do
  command -v "$tool" >/dev/null || { echo "seed-corpus.sh needs $tool (apt install imagemagick libimage-exiftool-perl)" >&2; exit 1; }
done

photos=corpus/photo_intake
dest=corpus/destination
api=corpus/api_response
mkdir -p "$photos" "$dest" "$api"
rm -f "$photos"/seed-* "$dest"/seed-* "$api"/seed-*

# ---- photo_intake ------------------------------------------------------------------------------
# A card on a table: seeded plasma for texture, a blue card, a gold chip, white digits.
picture() { # size output [extra convert options...]
  local size=$1 out=$2
  shift 2
  convert -size "$size" -seed 7 plasma:tan-sienna \
    -fill '#2846a0' -draw 'rectangle 12,10 84,54' \
    -fill '#d2b45a' -draw 'rectangle 18,18 30,28' \
    -fill white -draw 'rectangle 20,36 76,40' \
    -strip "$@" "$out"
}
exif() { # file orientation: EXIF orientation, camera and GPS, as a phone writes them
  exiftool -q -q -overwrite_original -n -Orientation="$2" -Make="TestPhone Inc." \
    -Model="TestPhone 15 Pro" -GPSLatitude=43.6426 -GPSLatitudeRef=N -GPSLongitude=79.3871 \
    -GPSLongitudeRef=W "$1"
}

picture 96x64 "$photos/seed-jpeg-baseline-420.jpg" -quality 85 -sampling-factor 2x2
picture 96x64 "$photos/seed-jpeg-exif-orientation-6.jpg" -quality 85 -sampling-factor 2x2
exif "$photos/seed-jpeg-exif-orientation-6.jpg" 6
# Not whole blocks wide: the lossless turn is impossible, so it is decoded and re-encoded.
picture 97x61 "$photos/seed-jpeg-exif-orientation-5-odd-size.jpg" -quality 80
exif "$photos/seed-jpeg-exif-orientation-5-odd-size.jpg" 5
picture 96x64 "$photos/seed-jpeg-progressive.jpg" -quality 80 -interlace JPEG
exif "$photos/seed-jpeg-progressive.jpg" 3
picture 96x64 "$photos/seed-jpeg-grey.jpg" -colorspace Gray -quality 80
picture 96x64 "$photos/seed-jpeg-444.jpg" -quality 95 -sampling-factor 1x1
exif "$photos/seed-jpeg-444.jpg" 8
# 4000 pixels wide, upright and fitting: kept as it is, checked from a quarter-size decode.
picture 4000x16 "$photos/seed-jpeg-4000-wide-420.jpg" -quality 40 -sampling-factor 2x2
picture 4000x8 "$photos/seed-jpeg-4000-wide-grey.jpg" -colorspace Gray -quality 30
# CMYK goes through the image crate's decoder, not libjpeg-turbo.
picture 96x64 "$photos/seed-jpeg-cmyk.jpg" -colorspace CMYK -quality 80
exif "$photos/seed-jpeg-cmyk.jpg" 2

picture 96x64 PNG24:"$photos/seed-png-rgb.png"
picture 96x64 PNG32:"$photos/seed-png-rgba.png" -alpha set -channel A -fx '0.3+0.7*i/w' +channel
picture 96x64 PNG8:"$photos/seed-png-palette.png" -colors 16
picture 96x64 PNG48:"$photos/seed-png-16bit.png" -depth 16
picture 96x64 "$photos/seed-png-grey-interlaced.png" -colorspace Gray -interlace PNG
picture 96x64 "$photos/seed-png-exif-orientation-8.png"
exif "$photos/seed-png-exif-orientation-8.png" 8

picture 96x64 "$photos/seed-webp-lossy.webp" -quality 70
exif "$photos/seed-webp-lossy.webp" 6
picture 96x64 "$photos/seed-webp-lossless.webp" -define webp:lossless=true
picture 96x64 "$photos/seed-webp-alpha.webp" -alpha set -channel A -fx '0.3+0.7*j/h' +channel -quality 70

# Decompression bombs within the limits: 36 megapixels of one grey, deflated to a few KB.
convert -size 6000x6000 xc:gray40 -strip -depth 8 -define png:compression-level=9 \
  PNG8:"$photos/seed-png-zlib-bomb-36mp.png"
# A header claiming more pixels than allowed (100000 x 100000), and one past the largest side.
png_chunk() { # type hexdata: length, type, data, CRC (CRC from python's zlib)
  python3 -c 'import sys,zlib,struct
t=sys.argv[1].encode(); d=bytes.fromhex(sys.argv[2])
sys.stdout.buffer.write(struct.pack(">I",len(d))+t+d+struct.pack(">I",zlib.crc32(t+d)))' "$1" "$2"
}
png_claiming() { # width height output
  {
    printf '\x89PNG\r\n\x1a\n'
    png_chunk IHDR "$(printf '%08x%08x' "$1" "$2")0802000000"
    png_chunk IDAT 789c630000000100 01
    png_chunk IEND ""
  } >"$3"
}
png_claiming 100000 100000 "$photos/seed-png-claims-10-gigapixels.png"
png_claiming 70000 10 "$photos/seed-png-claims-70000-wide.png"
png_claiming 10000 10000 "$photos/seed-png-claims-100mp-holds-nothing.png"
# A real JPEG whose frame header claims far more pixels than its data holds. Huffman-coded, it
# ends early and is refused; marked arithmetic-coded (SOF9), libjpeg-turbo decodes it all, so a
# 2 KB file becomes a 13 MP or a 65500-pixel-wide picture to scale down and re-encode.
jpeg_claiming() { # marker width height output
  python3 - "$photos/seed-jpeg-baseline-420.jpg" "$@" <<'EOF'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
sof = data.find(b"\xff\xc0")
data[sof + 1] = int(sys.argv[2], 16)
data[sof + 5:sof + 9] = int(sys.argv[4]).to_bytes(2, "big") + int(sys.argv[3]).to_bytes(2, "big")
open(sys.argv[5], "wb").write(data)
EOF
}
jpeg_claiming c0 12000 9000 "$photos/seed-jpeg-claims-108mp.jpg"
jpeg_claiming c9 4500 3000 "$photos/seed-jpeg-arithmetic-claims-13mp.jpg"
jpeg_claiming c9 65500 1832 "$photos/seed-jpeg-arithmetic-claims-65500-wide.jpg"
# Cut short.
head -c 1500 "$photos/seed-jpeg-exif-orientation-6.jpg" >"$photos/seed-jpeg-truncated.jpg"
head -c 300 "$photos/seed-png-rgb.png" >"$photos/seed-png-truncated.png"

# HEIC, converted through libheif where it is installed (refused elsewhere): a turned one, with
# an irot box and EXIF orientation 6, from the photo crate's committed test photos.
cp ../crates/photos/tests/fixtures/quadrants-irot.heic "$photos/seed-heic-irot-exif-orientation-6.heic"

# Refused formats, told from their first bytes (HEIC only where libheif is missing).
picture 48x32 "$photos/seed-refused-gif.gif"
picture 64x64 "$photos/seed-refused-heic.heic" -quality 50
printf '\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf' >"$photos/seed-refused-avif-header.avif"
printf 'II*\0\x08\0\0\0\0\0' >"$photos/seed-refused-tiff-header.tif"
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n' >"$photos/seed-refused-pdf-header.pdf"

# ---- destination -------------------------------------------------------------------------------
n=0
for table in addresses bip173 bip350 bip21 bolt11_spec lightning_addresses; do
  grep -v '^#\|^@\|^[[:space:]]*$' "../crates/core/tests/vectors/$table.txt" |
    awk -F'|' '{ v = $2; gsub(/^[ \t]+|[ \t]+$/, "", v); print v }' |
    while IFS= read -r input; do
      n=$((n + 1))
      printf '%s' "$input" >"$dest/seed-$table-$(printf '%03d' "$n")"
    done
done

# ---- api_response ------------------------------------------------------------------------------
body() { printf '%s' "$2" >"$api/seed-$1.json"; }
body tickers '{"message":"","data":{"currencies":[{"name":"bitcoin","symbol":"BTC","price_usd":6568950,"enabled":true}],"last_updated_at":"2021-04-28T23:35:50.977Z","update_frequency":60000}}'
body created-order '{"message":"","data":{"order_id":"yD1gHCUWjh"}}'
body order-created '{"message":"","data":{"status":"created","order":{"currency_symbol":"BTC","base_currency":"USD","base_currency_amount":5500,"created_at":"2021-04-28T23:51:44.415Z","currency":"bitcoin","currency_price_usd":6585000,"currency_amount":83523},"ticker":{"last_updated_at":"2021-04-28T23:51:51.738Z","update_frequency":60000}}}'
body order-authorized '{"message":"","data":{"status":"authorized","order":{"currency_symbol":"BTC","base_currency":"USD","base_currency_amount":260000,"created_at":"2026-05-01T10:00:00.000Z","currency":"bitcoin","currency_price_usd":6585000,"currency_amount":3948367},"ticker":{"last_updated_at":"2026-05-01T10:00:30.000Z","update_frequency":60000},"phone_verified":true,"name_required":false,"destination":{"address":"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},"required_images":[{"image_type":"Image1","description":"Front of the card","uploaded":true},{"image_type":"Image2","description":"Back of the card","uploaded":false},{"image_type":"GovidImageFront","description":"Front of your government ID","uploaded":false},{"image_type":"GovidImageBack","description":"Back of your government ID","uploaded":false},{"image_type":"GovidImageSelfPortrait","description":"You holding your ID","uploaded":false}]}}'
body order-rejected '{"message":"","data":{"status":"rejected","order":{"base_currency_amount":5513,"currency_price_usd":6585000,"currency_amount":83720,"created_at":null},"phone_verified":true,"name_required":true,"destination":{"ln_invoice":"satoshi@bitcoin.org"},"required_images":[{"image_type":"Image1","description":"Front","uploaded":true},{"image_type":"Image2","description":"","uploaded":false},{"image_type":"Image9","description":"?","uploaded":false}],"image_feedback":[{"image_type":"Image2","feedback":"The back of the card is blurry."}],"surprise":{"nested":[1,2]}}}'
body order-approved-onchain '{"message":"","data":{"status":"approved","order":{"base_currency_amount":5500,"currency_price_usd":6585000,"currency_amount":83523,"created_at":"2021-04-28T23:51:44Z"},"payout":{"currency_amount":83523,"address":"bc1qxyz","txid":"ab12cd34","sent_at":"2021-04-29T00:00:00Z"}}}'
body order-completed-lightning '{"message":"","data":{"status":"completed","order":{"base_currency_amount":5500,"currency_price_usd":6585000,"currency_amount":83523},"payout":{"currency_amount":83523,"ln_invoice":"lnbc1pvjluez","payment_hash":"0001020304050607080900010203040506070809000102030405060708090102","sent_at":"2021-04-29T00:00:00.123456789+02:00"}}}'
body order-unknown-status '{"message":"","data":{"status":"on_hold","order":{"base_currency_amount":1,"currency_price_usd":1,"currency_amount":1,"created_at":"yesterday-ish"}}}'
body presign '{"message":"","data":{"url":"https://s3.amazonaws.com/cardcoins-images","fields":{"key":"<hash_string>_Image1","acl":"private","Content-Type":"image/jpeg","success_action_status":"201","bucket":"cardcoins-images","X-Amz-Algorithm":"AWS4-HMAC-SHA256","X-Amz-Credential":"<hash_string>/20210929/<region>/s3/aws4_request","X-Amz-Date":"20210929T023856Z","Policy":"<hash_string>","X-Amz-Signature":"<hash_string>"}}}'
body presign-sandbox '{"message":"","data":{"url":"http://127.0.0.1:8080/s3/cardcoins-images","fields":{"key":"h_Image1","success_action_status":201,"x-amz-meta-ok":true}}}'
body message-phone-sent '{"message":"Verification code has been sent","data":{}}'
body message-empty '{"message":"","data":{}}'
body message-echoes-order '{"message":"Order yD1gHCUWjh updated","data":{"order_id":"yD1gHCUWjh"}}'
body error-400 '{"message":"A first and last name are required for this order.","data":{}}'
body error-403-geolocation '{"message":"Geolocation check failed for yD1gHCUWjh","data":{}}'
body error-503 '{"message":"CardCoins is temporarily offline for maintenance.","data":{}}'
body error-html '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>'
body s3-post-response '<?xml version="1.0" encoding="UTF-8"?>
<PostResponse><Location>https://cardcoins-images-01.s3.amazonaws.com/2ebcdc40a9949b71e45dd15d336046ecb05b0aad1937c2f373b6e796a69ab56e_Image1</Location><Bucket>cardcoins-images</Bucket><Key>2ebcdc40a9949b71e45dd15d336046ecb05b0aad1937c2f373b6e796a69ab56e_Image1</Key><ETag>"0ec202a741147ad8664956705016aea0"</ETag></PostResponse>'
body s3-error-expired '<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Invalid according to Policy: Policy expired.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>'
body s3-error-too-large '<Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message><ProposedSize>6000000</ProposedSize><MaxSizeAllowed>5242880</MaxSizeAllowed></Error>'

du -sh corpus/*
find corpus -type f -size +50k -printf '%s %p\n'
