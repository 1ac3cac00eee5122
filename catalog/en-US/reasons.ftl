### Why something the seller typed, chose or asked for was refused, in more detail than its
### error code (errors.ftl): the character mistyped, the limit, the minutes to wait. Rust picks the
### message and hands over its values; the screens, the command line and the log all show these
### words. Values a seller typed ($input, $char) are shown back as typed; an order ID never is.
### CardCoins' own words are shown apart, as it wrote them: never repeat or translate them here.

## Amounts. $input is what was typed, cut to 40 characters; $amount and $max are dollars,
## already written for the language.

reason-amount-empty = No amount was given: enter the card's value in dollars, like 55 or 55.00.
reason-amount-negative = "{ $input }" is not a dollar amount: amounts cannot be negative; enter the card's value, like 55.00.
reason-amount-not-digits = "{ $input }" is not a dollar amount: write it with digits, an optional $ and a dot before the cents, like $1,234.56.
reason-amount-cents-not-digits = "{ $input }" is not a dollar amount: write the cents as digits after the dot, like 55.50.
reason-amount-too-many-decimals = "{ $input }" is not a dollar amount: cents have at most two decimals, like 55.50.
reason-amount-no-digits = "{ $input }" is not a dollar amount: write it with digits, like 55.00.
reason-amount-far-too-large = "{ $input }" is not a dollar amount: that is far more than any card holds; check the number.
reason-amount-typed-zero = "{ $input }" is not a dollar amount: the amount must be more than zero.
reason-amount-zero = The amount must be more than zero: enter the card's value, like 55.00.
reason-amount-too-large = { $amount } is more than any gift card holds (at most { $max }): check the number.

## Order IDs. Never show the ID itself: it may be a real one with a typo. $char is the one
## character that cannot be in an order ID.

reason-order-id-empty = No order ID was given: paste the order ID CardCoins gave you.
reason-order-id-too-long = This order ID is { $length } characters long, more than the { $max } an order ID can have: check that only the order ID was pasted.
reason-order-id-character = This order ID contains the character '{ $char }'; an order ID has only letters, digits, '-' and '_': check that only the order ID was pasted.
reason-order-id-space = This order ID contains a space or control character; an order ID has only letters, digits, '-' and '_': check that only the order ID was pasted.

## Phone numbers. The number itself is never shown back. $code is a country calling code
## (1, 44); $region the two-letter country the number was read for (US, GB).

reason-phone-empty = No phone number was given: enter a mobile number that can receive a text.
reason-phone-extension = This number has an extension, which cannot receive a text: enter a mobile number without an extension.
reason-phone-not-a-number = This does not look like a phone number: enter digits, like +1 650 253 0000.
reason-phone-no-country = The country code is not one that exists, or the number has no country code and no default country: start with + and the country code, like +1 for the US.
reason-phone-too-short = This phone number is too short: check that no digits are missing.
reason-phone-too-long = This phone number is too long: check for extra digits.
reason-phone-invalid = This is not a valid phone number: check the digits.
reason-phone-invalid-for-code = This is not a valid phone number for country code +{ $code }: check the digits.
reason-phone-invalid-local = This is not a valid phone number: check the digits, or start with + and the country code.
reason-phone-invalid-local-for-code = This is not a valid phone number for country code +{ $code }: check the digits, or start with + and the country code.
reason-phone-invalid-local-for-region = This is not a valid phone number for country code +{ $code } (read as a { $region } number): check the digits, or start with + and the country code.

## Names and codes. $max is a number of characters.

reason-name-one-missing = Give both your first and your last name, or neither.
reason-name-first-too-long = The first name is longer than { $max } characters: type it as it is on your ID.
reason-name-last-too-long = The last name is longer than { $max } characters: type it as it is on your ID.
reason-name-first-invisible = The first name has invisible characters in it: type it again.
reason-name-last-invisible = The last name has invisible characters in it: type it again.
reason-code-empty = Type the code from the message, like 123456.
reason-code-malformed = That does not look like the code from the message: type its digits, like 123456.

# $input is what was given, cut to 40 characters; $known the photo names CardCoins uses (Image1, ...).
reason-image-slot-unknown = "{ $input }" is not an image type: use one of { $known }.

## Where the bitcoin goes: what was pasted

reason-destination-empty = Nothing was pasted: paste a bitcoin address, a Lightning invoice or a Lightning Address.
reason-destination-unrecognised = This is not a bitcoin address, Lightning invoice or Lightning Address: copy it again from your wallet's receive screen.
reason-destination-lnurl = This is an LNURL code, which CardCoins cannot pay to: use a Lightning invoice with no amount, a Lightning Address or a bitcoin address.

## bitcoin: links. $parameter is the link's own name for the part, cut to 40 characters.

reason-link-required-parameter = This bitcoin link has a required parameter ("{ $parameter }") that CardCoins cannot follow: paste just the bitcoin address instead.
reason-link-no-address = This bitcoin link has no address in it: paste a bitcoin address, a Lightning invoice or a Lightning Address.
reason-link-damaged = This bitcoin link is damaged (a part of it is not encoded properly): copy it again from your wallet, or paste just the bitcoin address.

## Lightning invoices. $network is a test network's name (testnet, signet, regtest, simnet);
## $currency the invoice's own currency letters; $amount the sats it asks for, already written
## for the language; $count a whole number of seconds, minutes, hours or days.

reason-invoice-test-network = This invoice is for a test network, not real bitcoin: create a new invoice with no amount in a Lightning wallet for real bitcoin (this is a { $network } invoice; CardCoins pays out on bitcoin mainnet).
reason-invoice-has-amount = This invoice asks for { $amount }; create an invoice with no amount (CardCoins sets the amount from the card's value).
reason-invoice-expired-seconds =
    { $count ->
        [one] This invoice expired { $count } second ago: create a new invoice with no amount.
       *[other] This invoice expired { $count } seconds ago: create a new invoice with no amount.
    }
reason-invoice-expired-minutes =
    { $count ->
        [one] This invoice expired { $count } minute ago: create a new invoice with no amount.
       *[other] This invoice expired { $count } minutes ago: create a new invoice with no amount.
    }
reason-invoice-expired-hours =
    { $count ->
        [one] This invoice expired { $count } hour ago: create a new invoice with no amount.
       *[other] This invoice expired { $count } hours ago: create a new invoice with no amount.
    }
reason-invoice-expired-days =
    { $count ->
        [one] This invoice expired { $count } day ago: create a new invoice with no amount.
       *[other] This invoice expired { $count } days ago: create a new invoice with no amount.
    }
reason-invoice-other-coin = This Lightning invoice is not for bitcoin (its currency is "{ $currency }"): create a new invoice with no amount in a bitcoin Lightning wallet.
reason-invoice-checksum = A character is mistyped or missing: copy the invoice again from your wallet, or create a new one (its checksum does not match).
reason-invoice-bad-characters = This invoice contains characters an invoice cannot have: copy the invoice again from your wallet, or create a new one.
reason-invoice-too-short = This invoice is too short, so part of it is missing: copy the invoice again from your wallet, or create a new one.
reason-invoice-signature = This invoice's signature does not match its contents, so it was changed after it was made: copy the invoice again from your wallet, or create a new one.
reason-invoice-breaks-rules = This invoice breaks the Lightning invoice rules (BOLT11), so wallets cannot pay it: copy the invoice again from your wallet, or create a new one.
reason-invoice-invalid = This is not a valid Lightning invoice: copy the invoice again from your wallet, or create a new one.

## Bitcoin addresses. $char is the character that cannot be there; $prefix the start of the
## address before its "1"; $version a SegWit version number.

reason-address-checksum = A character is mistyped or missing: copy the address again from your wallet rather than typing it (its checksum does not match).
# $network says which test networks the address could be for: testnet, regtest, any (all of them) or other.
reason-address-test-network = This address is for a test network, not real bitcoin. Use a receive address from a wallet for real bitcoin: it starts with bc1, 1 or 3 (this is a { $network ->
        [any] test-network (testnet, signet or regtest)
        [testnet] testnet (or signet)
        [regtest] regtest
       *[other] non-mainnet
    } address; CardCoins pays out on bitcoin mainnet).
reason-address-anchor = This is a pay-to-anchor address, which anyone can spend: it is not a wallet address. Use a receive address from your bitcoin wallet.
reason-address-future-segwit = This address is a SegWit output of a kind no wallet uses yet (version { $version }), so money sent to it could be lost: use a receive address from your bitcoin wallet (starting with bc1q, bc1p, 1 or 3).
reason-address-future-kind = This address is of a kind no wallet uses yet, so money sent to it could be lost: use a receive address from your bitcoin wallet (starting with bc1q, bc1p, 1 or 3).
reason-address-other-coin = This address starts with "{ $prefix }1", so it is not a bitcoin address (it may be for another coin): use a bitcoin address, which starts with bc1, 1 or 3.
reason-address-not-bitcoin = This is not a bitcoin address (it may be for another coin): use a bitcoin address, which starts with bc1, 1 or 3.
reason-address-unknown-prefix = This is not a bitcoin address: copy the address again from your wallet.
reason-address-wrong-length = This address has the wrong length for its type, so part of it is missing or extra: copy the address again from your wallet.
reason-address-ethereum = This looks like an Ethereum address; CardCoins pays out bitcoin only: use a bitcoin address, a Lightning invoice or a Lightning Address.
reason-address-pasted-length = This is too short or too long to be a bitcoin address: check that all of it, and nothing else, was pasted, or copy the address again from your wallet.
reason-address-length = This address is too short or too long to be a bitcoin address: copy the address again from your wallet.
reason-address-base58-character = The character '{ $char }' cannot appear in a bitcoin address (they never contain 0, O, I or l, or spaces): copy the address again from your wallet.
reason-address-mixed-case = This address mixes capital and small letters, which a bc1 address never does: copy the address again from your wallet.
reason-address-bech32-character = The character '{ $char }' cannot appear in a bc1 address (after "bc1" they never contain 1, b, i or o, or spaces): copy the address again from your wallet.
reason-address-bech32-symbol = A space or symbol cannot appear in a bc1 address (after "bc1" they never contain 1, b, i or o, or spaces): copy the address again from your wallet.
reason-address-bech32-length = This address is too long or too short for a bitcoin address: copy the address again from your wallet.
reason-address-segwit-version = This address has an invalid SegWit version (the character after "bc1"): copy the address again from your wallet.
reason-address-damaged = This address is incomplete or damaged: copy the address again from your wallet.
reason-address-checksum-variant = This address was made with the wrong checksum variant for its SegWit version (a bug in the wallet that made it): create a new receive address with up-to-date wallet software.

## Lightning Addresses (name@example.com). $char is the character that cannot be there; $max a
## number of characters; $part one part of the domain, between its dots.

reason-lightning-address-no-at = This is not a valid Lightning Address: it has no @. A Lightning Address looks like name@example.com.
reason-lightning-address-name-missing = This is not a valid Lightning Address: the name before the @ is missing. A Lightning Address looks like name@example.com.
reason-lightning-address-several-at = This is not a valid Lightning Address: it has more than one @: check that only one address was pasted.
reason-lightning-address-name-too-long = This is not a valid Lightning Address: the name before the @ is longer than { $max } characters: check the address.
reason-lightning-address-tag-name-missing = This is not a valid Lightning Address: the name before the + is missing: check the address.
reason-lightning-address-name-character = This is not a valid Lightning Address: the character '{ $char }' cannot appear in the name before the @ (only letters, digits, '-', '_', '.' and one '+' can): check the address.
reason-lightning-address-name-space = This is not a valid Lightning Address: a space or control character cannot appear in the name before the @ (only letters, digits, '-', '_', '.' and one '+' can): check the address.
reason-lightning-address-tag-empty = This is not a valid Lightning Address: the tag after the + is empty: remove the + or add the tag.
reason-lightning-address-domain-missing = This is not a valid Lightning Address: the domain after the @ is missing. A Lightning Address looks like name@example.com.
reason-lightning-address-domain-too-long = This is not a valid Lightning Address: the domain after the @ is too long: check the address.
reason-lightning-address-domain-character = This is not a valid Lightning Address: the character '{ $char }' cannot appear in the domain after the @: check the address.
reason-lightning-address-domain-international = This is not a valid Lightning Address: the character '{ $char }' cannot appear in the domain after the @ (write an international domain in its xn-- form): check the address.
reason-lightning-address-domain-space = This is not a valid Lightning Address: a space or control character cannot appear in the domain after the @: check the address.
reason-lightning-address-domain-no-dot = This is not a valid Lightning Address: the domain after the @ has no dot. A Lightning Address looks like name@example.com.
reason-lightning-address-domain-empty-part = This is not a valid Lightning Address: the domain after the @ has an empty part (two dots in a row, or a dot at an end): check the address.
reason-lightning-address-domain-bad-part = This is not a valid Lightning Address: "{ $part }" is not a valid part of a domain name: check the address.
reason-lightning-address-domain-ip = This is not a valid Lightning Address: the part after the @ is an IP address, not a domain. A Lightning Address looks like name@example.com.

## Photos. $path is the file the seller chose; $format a picture format's name (JPEG, PNG,
## WebP, HEIC); $size, $limit, $budget and $smallest are sizes already written for the language
## (5.0 MB); $width and $height are pixels.

reason-photo-unreadable = Could not read the photo file { $path }. Check that the file still exists and that you may open it.
reason-photo-folder = { $path } is a folder, not a photo. Choose a photo file inside it.
reason-photo-empty = The file is empty (0 bytes). Choose the photo again; if it is in a cloud folder, wait until it has finished downloading.
reason-photo-file-too-large = The file is { $size }, more than the { $limit } we take in. Choose the photo itself as your phone's camera saved it, not a video or an archive.
reason-photo-too-many-pixels = The { $format } claims to be { $width } x { $height } pixels, more than the { $megapixels } megapixels we can safely open. Take the photo again with the camera's normal settings, or export a smaller copy.
reason-photo-truncated = The { $format } file is cut short: its end is missing. Copy or download the photo again, or take a new one.
reason-photo-damaged = The { $format } file is damaged and cannot be read. Export or copy the photo again, or take a new one.
reason-photo-cannot-fit = Could not make this photo fit the { $budget } upload limit: even at { $width } x { $height } pixels and low quality it takes { $smallest }. Crop the photo to the card and try again.
reason-photo-internal = Processing the photo failed unexpectedly. Try another photo; if it keeps happening, report it.

## A file that is not a photo the app can use, by what it turned out to be.

reason-photo-heic = This file is a HEIC photo (the iPhone's High Efficiency format). Export it as JPEG and choose that file: on the iPhone, Settings > Camera > Formats > Most Compatible makes the camera save JPEG; for a photo already taken, share it by Mail or save it to Files, which hands over a JPEG copy, or on a Mac open it in Preview and use File > Export > JPEG.
reason-photo-heic-linux = This file is a HEIC photo (the iPhone's High Efficiency format). Export it as JPEG and choose that file: on the iPhone, Settings > Camera > Formats > Most Compatible makes the camera save JPEG; for a photo already taken, share it by Mail or save it to Files, which hands over a JPEG copy, or on a Mac open it in Preview and use File > Export > JPEG. On Linux, installing libheif (the libheif1 package on Debian and Ubuntu) lets CardCoins convert HEIC photos itself.
reason-photo-avif = This file is an AVIF image. Save or export it as JPEG or PNG and choose that file.
reason-photo-jpeg-xl = This file is a JPEG XL image. Save or export it as JPEG or PNG and choose that file.
reason-photo-gif = This file is a GIF image. Save or export it as JPEG or PNG and choose that file.
reason-photo-tiff = This file is a TIFF image or a camera RAW file. Save or export it as JPEG or PNG and choose that file.
reason-photo-bmp = This file is a BMP image. Save or export it as JPEG or PNG and choose that file.
reason-photo-photoshop = This file is a Photoshop document. Save or export it as JPEG or PNG and choose that file.
reason-photo-icon = This file is an icon file. Save or export it as JPEG or PNG and choose that file.
reason-photo-svg = This file is an SVG drawing. Save or export it as JPEG or PNG and choose that file.
reason-photo-pdf = This file is a PDF document. Take a photo of the card, or export the page as a JPEG or PNG image.
reason-photo-video = This file is a video. Take a still photo of the card and choose that instead.
reason-photo-zip = This file is a ZIP archive or an Office document, not an image. Choose a photo of the card: a JPEG, PNG or WebP file.
reason-photo-text = This file is a text file, not an image. Choose a photo of the card: a JPEG, PNG or WebP file.
reason-photo-unknown = This file is not an image we recognise. Choose a photo of the card: a JPEG, PNG or WebP file.

## Sending a photo. $rate is the connection's speed (250 kbit/s, 1.2 Mbit/s); $size the photo's
## size already written for the language; $seconds a whole number of seconds.

reason-upload-too-slow = This connection sends about { $rate }, so even at its smallest ({ $size }, { $width } x { $height }) this photo needs about { $seconds } seconds, and CardCoins' permission to upload it lasts 15 seconds. Connect to a faster network if you can, or try anyway: it may still arrive.
reason-upload-may-be-too-slow = Even at its smallest ({ $size }, { $width } x { $height }) this photo may need longer on this connection, and CardCoins' permission to upload it lasts 15 seconds. Connect to a faster network if you can, or try anyway: it may still arrive.

## The order list and the order IDs kept on this computer. $path is the order list's file;
## $found and $supported are version numbers of its format.

reason-vault-read = Could not read the order list at { $path }. Check that the folder exists and that you may open it.
reason-vault-create-folder = Could not create the folder for the order list at { $path }. Check that you may write there.
reason-vault-write = Could not write the order list at { $path }. Check that the folder exists, that you may write to it and that the disk is not full.
reason-vault-newer = The order list at { $path } was written by a newer version of the app (format { $found }; this version reads up to { $supported }). Update the app to see those orders.
reason-vault-secret-missing = The order ID for this order is not stored on this computer any more (it was kept for one run only, or removed from the system keyring). Ask CardCoins support, or start a new order.
reason-vault-keyring = The system keyring could not be used, so the order ID was not saved there. Check that the keyring is unlocked, then try again.

## What CardCoins or the connection answered, beyond what the error's code says. $count is a
## whole number of minutes or seconds; $status an HTTP status number (500).

reason-api-blocked-minutes = CardCoins is refusing requests from this network for a while: too many requests, a VPN, or the location may be the reason. Wait about { $count } minutes before trying again.
reason-api-blocked-seconds =
    { $count ->
        [one] CardCoins is refusing requests from this network for a while: too many requests, a VPN, or the location may be the reason. Wait about { $count } second before trying again.
       *[other] CardCoins is refusing requests from this network for a while: too many requests, a VPN, or the location may be the reason. Wait about { $count } seconds before trying again.
    }
reason-api-server-error = CardCoins had a server problem (HTTP { $status }). Try again in a few minutes; contact support if it keeps happening.
reason-api-no-price = CardCoins sent no bitcoin price. Try again in a minute.
reason-api-presign-refused = CardCoins did not accept this photo for upload. Check that it is a JPEG or PNG under 5 MB.
reason-api-verify-refused = CardCoins did not start the review. Check that every photo it asks for is uploaded.
reason-network-broke-off = The connection to CardCoins broke off. Try again.

## The app's own setup and this computer. $folder and $path are folders and files on this
## computer; $minutes a whole number of minutes.

reason-captcha-not-set-up = Phone verification is not set up in this build of CardCoins Desktop: the publisher must set the reCAPTCHA site key and registered hostname that CardCoins issued (CARDCOINS_RECAPTCHA_SITE_KEY and CARDCOINS_CAPTCHA_HOSTNAME at build time).
# $given and $missing are the names of the build's two settings (CARDCOINS_RECAPTCHA_SITE_KEY, CARDCOINS_CAPTCHA_HOSTNAME).
reason-captcha-incomplete = Phone verification is not set up correctly in this build of CardCoins Desktop: { $given } is set but { $missing } is empty; CardCoins issues both, and both are needed. The publisher must fix it.
reason-captcha-site-key = Phone verification is not set up correctly in this build of CardCoins Desktop: CARDCOINS_RECAPTCHA_SITE_KEY is not a reCAPTCHA site key. The publisher must fix it.
reason-captcha-hostname = Phone verification is not set up correctly in this build of CardCoins Desktop: CARDCOINS_CAPTCHA_HOSTNAME must be a hostname alone, such as desktop.example.com (no https://, port or path). The publisher must fix it.
reason-captcha-practice-unusable = The practice server's captcha settings are unusable. Restart the app, or turn off practice mode in Settings.
reason-captcha-timeout = The captcha window was closed because the check was not finished within { $minutes } minutes. Press Send code to open it again.
reason-captcha-proxy-unusable = The proxy in Settings cannot be used for the captcha window: it is not a proxy address like socks5h://127.0.0.1:9050 or http://127.0.0.1:8080.
reason-captcha-proxy-no-port = The proxy in Settings cannot be used for the captcha window: it needs a host and a port.
reason-captcha-proxy-password = The proxy in Settings cannot be used for the captcha window: proxies with a user name or password are not supported there.
# $scheme is the start of the proxy's address, before "://" (ftp, https).
reason-captcha-proxy-scheme = The proxy in Settings cannot be used for the captcha window: { $scheme }:// proxies are not supported there; use http:// or socks5h://.
reason-captcha-proxy-macos = This build of CardCoins Desktop cannot send the captcha window through a proxy on macOS, and without it Google would see your real address. Remove the proxy in Settings to do the check, or use a build made with the macos-proxy feature.
reason-payout-server-unusable = The payout server in Settings cannot be used. Check its address (an Esplora API such as https://blockstream.info/api) and the proxy above it.
reason-explorer-not-txid = This is not a bitcoin transaction ID, so no explorer can show it.
reason-explorer-template = The block explorer in Settings is not a web address with {"{"}txid{"}"} in it, like https://mempool.space/tx/{"{"}txid{"}"}. Change it in Settings → Advanced.
reason-browser-failed = Your web browser could not be opened. Copy the transaction ID and paste it into a block explorer.
reason-log-folder-missing = The app could not make its log folder in this run, so there is no log file to show. Use "Copy diagnostics" instead.
reason-log-folder-not-opened = The file manager could not be opened. The log files are in { $folder }.
reason-file-not-saved = The file could not be saved. Choose another folder, or free some space, and try again.
reason-settings-not-saved = The settings could not be saved to { $path }. Check that you may write there.

## Settings that cannot be used. $address is the server address as typed; $example one that
## works; $scheme the start of an address, before "://" (ftp, http).

reason-server-address-invalid = The server address "{ $address }" is not a valid web address. Use one like { $example }.
reason-server-address-query = The server address "{ $address }" must not have a query or fragment. Use one like { $example }.
reason-server-address-plain-http = The server address uses plain http to a remote host, which would expose the order. Use https (plain http is allowed only for 127.0.0.1, ::1 or localhost).
reason-server-address-scheme = The server address has the scheme "{ $scheme }"; only https (or http to this machine) works.
reason-image-store-plain-http = The image store address CardCoins gave uses plain http to a remote host, which would expose the order, so the photo was not sent. Try again later; contact support if it keeps happening.
reason-image-store-scheme = The image store address CardCoins gave has the scheme "{ $scheme }", so the photo was not sent. Try again later; contact support if it keeps happening.
reason-proxy-unusable = The proxy address is not usable. Use one like socks5h://127.0.0.1:9050 (Tor) or http://127.0.0.1:8080.
reason-sandbox-no-controls = This server has no sandbox controls: point --base-url at a sandbox (`cardcoins sandbox serve` prints its address).

## The seller's wallet (Settings → Your wallet). Nothing pasted is ever shown back: it may be a
## private key or seed words. $index is an address number.

reason-wallet-empty = Nothing was pasted. Paste your wallet's extended public key (xpub, ypub or zpub) or its output descriptor.
reason-wallet-private-key = This is a private key: it can spend your bitcoin. Never paste it anywhere. Paste your wallet's public key (xpub, ypub or zpub) or its public descriptor instead; nothing was kept.
reason-wallet-seed-words = These look like seed words: they can spend your bitcoin. Never type them into any app. Paste your wallet's public key (xpub, ypub or zpub) or its public descriptor instead; nothing was kept.
reason-wallet-multi-key = This is a wallet with several keys or spending conditions (multisig or a script tree). Paste the descriptor of a single-key wallet.
reason-wallet-unsupported-script = This descriptor's address type is not supported. Paste a pkh, sh(wpkh), wpkh or tr descriptor.
reason-wallet-test-network = This key is for a test network, not for real bitcoin. Paste the key of a wallet for real bitcoin.
reason-wallet-main-network = This key is for real bitcoin, but the app is using a test network.
reason-wallet-change-chain = This descriptor gives change addresses (it ends in /1/*). Paste your wallet's receive descriptor, the one ending in /0/*.
reason-wallet-not-ranged = This gives one address, not a wallet. Paste your wallet's extended public key, or a descriptor ending in /0/*.
reason-wallet-hardened = This descriptor needs the private key to make its addresses. Paste the receive descriptor your wallet exports, ending in /0/*.
reason-wallet-bad-checksum = A character is wrong or missing: the checksum does not match. Copy it again from your wallet rather than typing it.
reason-wallet-unrecognized = This is not an extended public key or an output descriptor this app can read. Copy the xpub, ypub or zpub (or the descriptor) from your wallet's export screen.
reason-wallet-index-out-of-range = Address number { $index } is beyond the last one a wallet can make. Paste an address instead.
reason-wallet-derivation = The address could not be made from this wallet. Paste an address instead.
reason-wallet-used-up = Your wallet's next addresses have all been used already. Paste a fresh address from your wallet instead.
reason-wallet-gap-limit = The gap limit is a whole number from 1 to 1000; most wallets use 20. Use the same number as your wallet.
