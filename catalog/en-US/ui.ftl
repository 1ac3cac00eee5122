### The app's own words on screen, US English: the language every other one is checked against.
### Message IDs are grouped by the screen or component that shows them. Values a sentence carries
### arrive as variables ($amount, $count...); money and dates come already formatted for the language.

# This language's name, in itself: the Settings language menu lists it so.
language-name = English

## The shell: the practice banner and the navigation

app-name = CardCoins
sandbox-banner = SANDBOX: practice mode. No real card, no real bitcoin.
sandbox-latest-code = Latest code sent: { $code }
nav-label = App
nav-history = Your orders
nav-settings = Settings
nav-back = Back

## Words many screens share

common-continue = Continue
common-working = Working…
common-loading = Loading…
common-retry = Try again
common-copy = Copy
common-copied = Copied
common-cancel = Cancel
step-of = Step { $step } of { $total }

## Money, sizes and durations, as the other messages receive them

# $count is a number of satoshis, already a number for the language's grouping.
money-sats =
    { $count ->
        [one] { $count } sat
       *[other] { $count } sats
    }
# $amount is the bitcoin with its eight decimals, already in the language's digits.
money-btc = { $amount } BTC
size-bytes =
    { $count ->
        [one] { $count } byte
       *[other] { $count } bytes
    }
size-kb = { $size } KB
size-mb = { $size } MB
size-gb = { $size } GB
elapsed-seconds = { $seconds } s
elapsed-minutes = { $minutes } min
elapsed-hours-minutes = { $hours } h { $minutes } min

## Welcome

welcome-title = Sell a gift card for bitcoin
welcome-lead = Turn a Visa or Mastercard gift card into bitcoin in a few guided steps. You'll need the card, your phone, and a bitcoin wallet.
welcome-step-amount = Enter the card's value and see your quote
welcome-step-phone = Confirm your phone number with a code
welcome-step-payout = Tell us where to send the bitcoin
welcome-step-photos = Add photos of the card
welcome-step-review = Check it all and send it for review
welcome-step-status = Follow the order until the bitcoin arrives
welcome-start = Start
welcome-safety = Your order is saved as you go. You can close the app and pick up where you left off.

## Where order IDs are kept (no system keyring), and a damaged order list

vault-this-run-title = Your order IDs can't be saved safely on this computer
vault-this-run-choice = You can keep them for as long as the app is open, or save them in the app's own file. That file is not encrypted: anyone who can read your files could read your order IDs and see your orders.
vault-keep-this-run = Keep them only while the app is open
vault-use-file = Save them in the app's file…
vault-confirm-file = Save order IDs unencrypted in the app's file on this computer? You can still forget an order later in Your orders.
vault-confirm-yes = Yes, save them in the file
vault-plain-file-note = Order IDs are saved unencrypted in the app's file on this computer.
vault-this-run-note = Order IDs are kept only while the app is open. Copy the ID of an open order from Your orders before you close the app.
# Where order IDs are kept in this run.
vault-storage-keyring = Order IDs are kept in the system keyring.
vault-storage-this-run = No system keyring is available: this computer has no safe place for passwords that the app can use. Order IDs are kept only while the app is open; note the ID of an open order, or allow keeping it in the app's data file. (On Linux this needs a keyring service such as GNOME Keyring or KWallet.)
vault-storage-plain-file = No system keyring is available; as you allowed, order IDs are kept unencrypted in the app's data file. Anyone who can read your files can read them.
vault-damage-title = Some saved orders could not be read
vault-damage-body = The saved order list was damaged: { $kept ->
        [one] { $kept } order was
       *[other] { $kept } orders were
    } recovered and { $unreadable ->
        [one] { $unreadable } entry
       *[other] { $unreadable } entries
    } could not be read. Orders that were lost from the list can still be resumed from their order ID.
vault-damage-backup = The damaged file was kept as { $backup }.
vault-dismiss = OK

## The order above every step

order-strip-your-card = Your { $amount } card
order-strip-continuing = Continuing your { $amount } order
order-strip-quote = You get about { $usd } in bitcoin ({ $sats })

## Step 1: the card's value

amount-title = How much is on the card?
amount-lead = Type the value printed on the card or shown on its balance page, in US dollars.
amount-label = Card value in US dollars
amount-placeholder = 50.00
amount-help = Dollars and cents, for example 50 or 49.95.
amount-empty = Enter the card's value in dollars, for example 50.
amount-quote-title = Your quote
amount-you-get = You get about { $usd } in bitcoin
amount-in-sats = { $sats } ({ $btc })
amount-price = At CardCoins' price of { $price } per bitcoin. Fees are already included in the price.
amount-refreshes = The quote refreshes every { $seconds } s until you continue.
amount-updated-at = Price updated at { $time }
amount-checked-at = Price checked at { $time }
amount-waiting-for-price = Fetching the current bitcoin price…
amount-no-price = We can't show a quote without the current price.
amount-creating = Starting your order…
amount-order-made = Your order for a { $amount } card is made
amount-order-made-help = Its value can't change now. To sell a card of another value, start a new order; this one stays in Your orders.
amount-start-over = Start a new order

## Step 2: the phone number

phone-title = Confirm your phone number
phone-lead = CardCoins sends a short code to your phone. It keeps your order yours.
phone-country-label = Country
phone-country-us = United States (+1)
phone-country-ca = Canada (+1)
phone-country-gb = United Kingdom (+44)
phone-country-au = Australia (+61)
phone-country-nz = New Zealand (+64)
phone-country-ie = Ireland (+353)
phone-country-de = Germany (+49)
phone-country-fr = France (+33)
phone-country-es = Spain (+34)
phone-country-it = Italy (+39)
phone-country-nl = Netherlands (+31)
phone-country-mx = Mexico (+52)
phone-number-label = Phone number
phone-number-help = The number that can receive a text message or a call.
phone-method-legend = How should we send the code?
phone-by-sms = Text message (SMS)
phone-by-call = Phone call
phone-send-code = Send code
phone-sending-check = Checking the number…
phone-sending-captcha = Complete the check in the window that opened…
phone-sending-send = Sending the code…
phone-confirmed = Your phone number is confirmed
phone-confirmed-help = CardCoins has confirmed it for this order; it can't be changed now.
phone-captcha-explain = A small window will open with a quick check that you're a person. The code is sent right after it.
phone-captcha-not-set-up = Codes cannot be sent from this copy of the app.
phone-captcha-not-set-up-next = It was built without the phone check CardCoins requires, so no order can go further here. Your order is saved on this computer. Install CardCoins Desktop from CardCoins' own website, or try the whole sale in practice mode.
phone-captcha-practise = Open Settings to turn on practice mode
phone-captcha-details = Details for whoever built this copy
# $method is "call" when the code comes by phone call, "sms" otherwise.
phone-code-sent =
    { $method ->
        [call] We're calling { $phone } with your code.
       *[sms] We sent a code to { $phone }.
    }
phone-code-label = Code from the message
phone-code-help = Type the digits you received.
phone-code-empty = Type the code you received.
phone-verify = Verify code
phone-verifying = Checking the code…
phone-resend = Send a new code
phone-resend-in = You can ask for a new code in { $seconds } s
phone-change-number = Use a different number
phone-captcha-again = Solve the quick check again with this code (CardCoins asks for it after several tries). It opens when you press Verify code.

## Step 3: where the bitcoin goes

payout-title = Where should the bitcoin go?
payout-lead = Paste a bitcoin address, a Lightning invoice without an amount, or a Lightning Address from your wallet.
payout-label = Bitcoin address, Lightning invoice or Lightning Address
payout-help = A bitcoin: or lightning: link from your wallet works too.
payout-checking = Checking…
# $kind is one of the payout-kind- messages below: what was pasted.
payout-accepted = Looks good: { $kind }
# What was pasted, read after "Looks good:".
payout-kind-p2pkh = Bitcoin address (legacy)
payout-kind-p2sh = Bitcoin address (P2SH)
payout-kind-p2wpkh = Bitcoin address (SegWit)
payout-kind-p2wsh = Bitcoin address (SegWit script)
payout-kind-p2tr = Bitcoin address (Taproot)
payout-kind-bolt11 = Lightning invoice
payout-kind-lightning-address = Lightning Address
# What the seller should know about what was pasted, shown under "Looks good:", each an aside in
# lower case. $amount is the link's amount in BTC as the link wrote it; $keys the names of the
# link's other parts, as written ("label, req-foo"); $minutes the whole minutes left, at least 1.
payout-note-amount-ignored = the amount in the link ({ $amount } BTC) was ignored: CardCoins pays out the card's value
payout-note-invoice-used = the link had no bitcoin address, so its Lightning invoice is used instead
payout-note-invoice-ignored = the Lightning invoice in the link was ignored: the bitcoin address is used
payout-note-other-ignored = other details in the link were ignored ({ $keys })
payout-note-invoice-expires-soon =
    this invoice expires in { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }: submit it now, or create one that lasts longer
payout-empty = Paste where the bitcoin should go.
payout-rbf-note = CardCoins pays on-chain with a transaction that can be replaced (RBF) to get it confirmed sooner. Your wallet may show the payment change once before it confirms; that is normal.
payout-name-title = Your name
payout-name-lead = CardCoins needs your name for this order. Use the name you'd show on an ID.
payout-first-name = First name
payout-last-name = Last name
payout-name-empty = Enter both your first and last name.
payout-name-maybe = If CardCoins needs your name for this order (it asks once your weekly total passes a limit), enter it as it appears on your ID. Otherwise leave both empty.
payout-with-captcha = Solve the quick check again with these details (CardCoins asks for it after several tries).
payout-submitting = Saving where to send the bitcoin…
# The payout step with the seller's wallet set in Settings: a fresh address of theirs, or a
# pasted one. $number is an address's number in the wallet, as wallet-address-number writes it ("#4").
payout-lead-wallet = Use a fresh address from your wallet, or paste an address or invoice.
payout-choice-legend = Payout address
payout-choice-wallet = Use a fresh address from your wallet
payout-choice-paste = Paste an address or invoice instead
payout-fresh-title = Address { $number } from your wallet
payout-fresh-help = No other sale gets this address. Your wallet shows it as receive address { $number }.
payout-fresh-held = This order already has this address. Your wallet shows it as receive address { $number }.
payout-fresh-loading = Getting the next address from your wallet…
payout-gap-next = To be safe, paste an address instead, or let your open orders finish first. The gap limit can be raised in your wallet and in Settings.
payout-wallet-offer = Get a fresh address for every sale: add your wallet in Settings
payout-wallet-key-missing = Your wallet's key needs to be pasted again before it can give fresh addresses: open Settings

## Step 4: photos of the card

photos-title = Add photos of the card
photos-lead = One photo for each item below. Drop image files on a box or on the window, or choose them.
photos-guide-title = For a photo that passes on the first try
photos-guide-frame = The whole card is in the frame, edges included
photos-guide-sharp = Every number is sharp and readable
photos-guide-glare = No glare: turn away from lamps and windows
photos-choose = Choose photo…
photos-replace = Replace photo
photos-drop-here = Drop an image here
photos-preparing = Preparing the photo…
photos-uploading = Uploading…
photos-waiting = Waiting: photos go one at a time, so each arrives in time
photos-fitting = Getting it ready for this connection…
photos-finishing = Finishing: the last part is still on its way to CardCoins…
photos-try-anyway = Try anyway
photos-uploaded = Uploaded
photos-already-uploaded = Already uploaded. You can replace it.
photos-not-yet = No photo yet
photos-ready-plain = Ready: resized for upload, location data removed.
photos-details = Details
photos-size-after = Size to upload: { $size }
photos-size-sent = Sent: { $size }
photos-progress = { $percent }% sent
# $photo is what the photo shows ("Front of the card"), as CardCoins or the app names it.
photos-progress-label = Upload of { $photo }
photos-preview-alt = Preview of the photo for { $photo }
# What each photo should show, when CardCoins does not describe it itself.
photos-slot-image1 = Front of the card
photos-slot-image2 = Back of the card
photos-slot-govid-front = Front of your government ID
photos-slot-govid-back = Back of your government ID
photos-slot-govid-selfie = A selfie of you holding your government ID
photos-ready = { $count } of { $count } ready
photos-missing =
    { $count ->
        [one] One photo is still missing.
       *[other] { $count } photos are still missing.
    }
# What the app noticed in a prepared photo that often gets it rejected; the photo can still be sent.
photos-warning-blurry = The photo looks blurry, and a reviewer who cannot read the card will reject it. Hold the phone steady, tap the card on the screen to focus, and take it again.
photos-warning-too-dark = The photo is dark, and the card may be hard to read. Take it again in better light.
# $pixels is the photo's long side and $recommended the size from which it is fine, both in pixels.
photos-warning-too-small = The photo is small ({ $pixels } pixels on its long side; { $recommended } or more is better), so the reviewer may not be able to read the card. Take the photo with the phone's camera at full size, close enough that the card fills the frame.
# $percent is the share of the photo that is pure white, a whole number.
photos-warning-blown-out = { $percent }% of the photo is washed out to white by light or glare, which can hide the card's numbers. Turn off the flash, avoid direct light on the card, and take it again.
# The same in a few words, for the line that says what was done to the photo. $sharpness is a
# measure of edge contrast and $brightness the mean brightness (0 to 255).
photos-warning-short-too-small = small ({ $pixels } px long side)
photos-warning-short-blurry = blurry (sharpness { $sharpness })
photos-warning-short-too-dark = dark (brightness { $brightness }/255)
photos-warning-short-blown-out = washed out ({ $percent }% white)
# What was done to a prepared photo, under "Details", in one line: the parts below in a row, as
# the language lists facts ("a, b, c"). The formats (JPEG, PNG, WebP, HEIC) are as they are
# named; $width and $height are in pixels, $size a size already written ("4.8 MB").
photos-summary-file = { $format } { $width } x { $height }, { $size }
photos-summary-converted = converted from { $format }
photos-summary-kept = image data kept as it was (not re-encoded)
# $quality is the JPEG quality, from 1 to 100.
photos-summary-quality = re-encoded at quality { $quality }
photos-summary-reencoded = re-encoded
# The size of the file as it was chosen.
photos-summary-scaled = scaled down from { $width } x { $height } ({ $size })
# How the photo was turned upright, as the phone's camera noted it.
photos-summary-turn-mirrored = mirrored
photos-summary-turn-180 = rotated 180°
photos-summary-turn-upside-down = flipped upside down
photos-summary-turn-left-mirrored = rotated 90° counter-clockwise and mirrored
photos-summary-turn-right = rotated 90° clockwise
photos-summary-turn-right-mirrored = rotated 90° clockwise and mirrored
photos-summary-turn-left = rotated 90° counter-clockwise
photos-summary-metadata-removed = metadata removed
# $summary is the line above; $warnings the photos-warning-short- messages, listed.
photos-summary-warnings = { $summary }; warnings: { $warnings }
photos-too-many-dropped = More files were dropped than there are empty boxes; the extra ones were left out.

## Step 5: review

review-title = Check and send for review
review-lead = Nothing is final until CardCoins checks the card. Here's what will be sent.
review-amount = Card value
review-receive = You get about
review-in-bitcoin = in bitcoin ({ $sats })
review-destination = Bitcoin goes to
review-onchain = Bitcoin address
review-lightning = Lightning
review-destination-missing = Not given yet: go back to the payout step and paste where the bitcoin should go.
# $number is "#4": the payout address's number in the seller's wallet (wallet-address-number).
review-wallet-address = Address { $number } from your wallet
review-phone = Phone
review-phone-verified = Verified
review-phone-ending = Verified, number ending in { $digits }
review-photos = Photos
review-photos-count = { $done } of { $total } uploaded
review-submit = Send for review
review-submitting = Sending…
review-what-next = CardCoins then checks the card. This usually takes a few minutes; you can close the app and come back.

## A payout address CardCoins names that is not the one sent

destination-warning-title = CardCoins names a different payout address
destination-warning-body = The address CardCoins shows for this order is not the one you gave. The bitcoin may go to the wrong place.
destination-warning-sent = You gave
destination-warning-named = CardCoins shows
destination-warning-next = Don't send anything else for this order. Save a support file (below) and contact CardCoins support now.

## Step 6: the order's status

status-title = Your order
# An order's status, by the API's status word: a short label (History, the timeline, the status
# history) and what it means for the seller. A status word the app does not know is shown as
# CardCoins wrote it, made readable, with status-explanation-unknown; status-label-not-given
# is for a status with no letters or digits in it at all.
status-label-created = Started
status-label-authorized = Waiting for photos
status-label-processing = Being reviewed
status-label-approved = Approved
status-label-completed = Completed
status-label-rejected = Photos rejected
status-label-expired = Expired
status-label-cancelled = Cancelled
status-label-gone = No longer on file
status-label-not-given = Status not given
status-explanation-created = Confirm your phone number and say where the bitcoin should go.
status-explanation-authorized = Upload the photos CardCoins asks for, then submit them for review.
status-explanation-processing = CardCoins is checking your photos. This usually takes a few minutes; you may close the app and come back.
status-explanation-approved = The card was accepted and the bitcoin is on its way.
status-explanation-completed = The order is complete.
status-explanation-rejected = Some photos were not accepted. Read the feedback, upload new photos and submit them again.
status-explanation-expired = The order expired before it was finished. Start a new order.
status-explanation-cancelled = The order was cancelled. Start a new order if you still want to sell the card.
status-explanation-gone = CardCoins no longer has this order: it expired or was cancelled. Start a new order if you still want to sell the card.
status-explanation-unknown = This is CardCoins' own word for where the order stands. The app keeps checking, less often as time goes on; nothing is needed from you unless CardCoins asks.
status-timeline-label = Order progress
status-stage-current = (current step)
status-stage-done = (done)
status-checking-again = Checking again in { $seconds } s.
status-check-now = Check now
status-last-checked = Last checked at { $time }
status-waiting-for = Waiting for { $elapsed }.
status-will-notify = You can leave this screen: while the app is open, it notifies you when this changes.
status-feedback-title = Replace the photos that may be unclear
status-photos-need-replacing =
    { $count ->
        [one] { $count } photo needs replacing
       *[other] { $count } photos need replacing
    }
status-photo-accepted = Accepted:
status-replace-anyway = Open to replace it anyway.
status-ready-to-send = Ready to send again.
status-replace-first =
    { $count ->
        [one] Replace the photo above first.
       *[other] Replace the { $count } photos above first.
    }
status-no-feedback = CardCoins did not say which photo it could not accept. Replace the ones that may be unclear (blurry, dark, cut off), then send them again.
status-resubmit = Send again for review
status-resubmitting = Sending…
status-payout-title = Your bitcoin is on its way
# Read with the sats and the address that follow: "$55.00 card → 83,523 sats sent to bc1q…".
status-payout-card = { $amount } card →
status-payout-sent-to = sent to
# After the address, when it came from the seller's wallet. $number is "#4" (wallet-address-number).
status-payout-wallet-address = (address { $number } from your wallet)
status-worth = Worth about { $usd } at your quote's price.
status-show-address = Show the whole address
status-show-invoice = Show the whole invoice
status-copy-address = Copy address
status-copy-invoice = Copy invoice
status-txid = Transaction ID
status-copy-txid = Copy Transaction ID
status-payment-hash = Payment hash
status-copy-payment-hash = Copy Payment hash
status-view-in-explorer = View in a block explorer
status-no-txid-yet = CardCoins has not shared the transaction yet. Your wallet will show the payment when it arrives.
status-copy-failed = Couldn't copy. Select the text and copy it yourself.
status-new-order = Sell another card
status-bitcoin-title = Your bitcoin
status-bitcoin-replaced-transaction = Replaced transaction
# The payout watch, as it follows the transaction to 3 confirmations (the watch's own number, as
# in the notifications of app.ftl). A headline, then a sentence on what it means.
status-bitcoin-headline-waiting = Waiting for the payment
status-bitcoin-headline-seen = Payment seen
status-bitcoin-headline-replaced = Payment replaced by a bigger batch
status-bitcoin-headline-confirmed =
    { $confirmations ->
        [one] { $confirmations } confirmation
       *[other] { $confirmations } confirmations
    }
status-bitcoin-headline-done = { $confirmations } confirmations: done
status-bitcoin-detail-waiting = CardCoins approved the payout; the bitcoin has not been seen on the network yet.
status-bitcoin-detail-seen = Payment seen — it may be replaced by a bigger batch: that is normal; don't spend it yet.
status-bitcoin-detail-replaced = CardCoins replaced the transaction with a bigger batch that pays you the same amount: that is normal. Don't spend it yet.
status-bitcoin-detail-confirmed = In a block. Don't spend it until it has 3 confirmations.
status-bitcoin-detail-done = The bitcoin is yours to spend.
# Why the watch could not look lately; it keeps trying on its own.
status-bitcoin-problem-unreachable = The payout server did not answer; the watch will try again in a while.
status-bitcoin-problem-unreadable = The payout server's answer could not be read; the watch will try again later. If this lasts, check the server in Settings.
status-bitcoin-watch-off = The app can watch the network and tell you when the bitcoin arrives and is safe to spend.
status-bitcoin-turn-on = Turn on the payout watch in Settings
status-bitcoin-last-checked = Checked at { $time }
status-bitcoin-timeline-label = What the payout watch saw
status-bitcoin-lightning = Sent over Lightning: it arrives at once, there is nothing to watch.
status-bitcoin-sent-at = Sent at

## Your orders

history-title = Your orders
history-lead = Orders saved on this computer, newest first.
history-empty = No orders yet.
history-created = Started { $when }
history-resume = Continue
history-view = View
history-copy-id = Copy order ID
history-copy-id-help = The order ID is what CardCoins support asks for. Keep it private: anyone with it can see the order.
history-id-copied = Order ID copied
history-forget = Forget
history-forget-confirm = Forget this order on this computer? The order itself stays with CardCoins, but you won't be able to follow it here.
history-forget-yes = Yes, forget it
history-forgotten = Order forgotten.

## Settings

settings-title = Settings
settings-language = Language
# $language is the computer's language, named in itself ("English", "Español").
settings-language-system = Same as this computer ({ $language })
settings-language-pseudo = Pseudo-locale (for testing layouts)
settings-language-saved = Language saved.
settings-base-url = CardCoins server address
settings-base-url-help = Leave as it is unless CardCoins support asks you to change it.
settings-sandbox = Practice mode (sandbox): no real card, no real bitcoin
settings-sandbox-by-flag = The app is practising now because it was started with --sandbox. This setting is for starts without it.
settings-uplink = Practice upload speed
settings-uplink-help = Slows the practice photo store to this speed, so you can see how the app sends photos over a slow connection. Takes effect at once.
settings-uplink-unlimited = As fast as this computer
settings-uplink-8mbit = 8 Mbit/s (good home broadband)
settings-uplink-1mbit = 1 Mbit/s (DSL or a weak hotspot)
settings-uplink-025mbit = 0.25 Mbit/s (a poor mobile signal, or Tor)
settings-expiry-at-end = Practice store: the upload permission must last until the last byte arrives (stricter than Amazon S3)
settings-dialect = How the practice server answers
settings-dialect-help = The real service may word and shape its answers differently from our practice server. Try the others to see the app cope. Takes effect at the next start.
settings-dialect-extended = Extended: everything the app can show
settings-dialect-reference = Reference: only what CardCoins documents
settings-dialect-keyed = Keyed: other names and shapes
settings-dialect-terse = Terse: other status words, few details
settings-proxy = Proxy (optional)
settings-proxy-help = For example socks5h://127.0.0.1:9050 to go through Tor. Leave empty for none.
settings-notifications = Notify me when an order changes
settings-payout-watch = Watch my payout until it is confirmed
settings-payout-watch-help = Your payout address is sent to the server below, through your proxy if you set one, so it can tell when the bitcoin arrives. CardCoins is not involved.
settings-esplora-url = Payout server (Esplora)
settings-esplora-url-help = Your own Esplora server, or leave empty to use a public one (https://blockstream.info/api). A .onion address works through Tor.
settings-esplora-practising = While practising, the practice server's own chain is used, whatever this says.
settings-advanced = Advanced
settings-advanced-lead = For CardCoins support, your own servers, and practice. Most people never change these.
settings-explorer-url = Block explorer
settings-explorer-url-help = Where "View in a block explorer" opens a transaction, with {"{"}txid{"}"} where its ID goes. Leave empty for mempool.space. It opens in your web browser, which does not use the proxy above.
settings-save = Save settings
settings-saved = Settings saved.
settings-restart-note = Changes to the server or practice mode apply the next time the app starts.
settings-help-title = Help and support
settings-help-lead = If CardCoins support asks what happened, send them the diagnostics: the app's version, your system, these settings (without any proxy password) and the last lines of the app's log. They never include your order IDs.
settings-open-log-folder = Open log folder
settings-copy-diagnostics = Copy diagnostics
settings-diagnostics-copied = Diagnostics copied. Paste them into your message to support.

## Settings: your wallet, for a fresh payout address on every order

wallet-title = Your wallet
wallet-lead = Each sale can go to a new address from your own wallet, so your sales can't be linked to each other.
wallet-how = In your wallet, open its export or "wallet information" screen and copy the extended public key (an xpub, ypub or zpub) or the output descriptor. It only lets the app see addresses: it can never spend your bitcoin.
wallet-never-private = Never paste your seed words (the 12 or 24 backup words) or a private key, here or anywhere else.
wallet-input-label = Extended public key or descriptor
wallet-input-empty = Paste your wallet's extended public key or descriptor first.
wallet-check = Check
wallet-checking = Checking…
wallet-type = Address type
# The kind of addresses a wallet gives, with how they begin, to match against the wallet's own.
wallet-kind-p2pkh = Legacy addresses (1…)
wallet-kind-p2sh-p2wpkh = Nested SegWit addresses (3…)
wallet-kind-p2wpkh = Native SegWit addresses (bc1q…)
wallet-kind-p2tr = Taproot addresses (bc1p…)
# $kind is the code of a kind this version of the app doesn't know, as it arrived ("p2xyz").
wallet-kind-other = Addresses of type { $kind }
# An address's number on the wallet's list of receive addresses, counted from 0 as wallets do.
# $number is already in the language's digits.
wallet-address-number = #{ $number }
wallet-first-addresses = Compare with your wallet: the first receive addresses
wallet-preview-compare = Your wallet should show these as receive addresses #0, #1 and #2. If they match, use this wallet.
wallet-preview-numbering = If your wallet lists its addresses without numbers, #0 is the first one.
wallet-save = Use this wallet
wallet-saving = Saving…
wallet-saved = Wallet saved. Each new order gets its own address.
# $number is "#4": the address's number, as wallet-address-number writes it. The address follows.
wallet-next = The next order gets address { $number }:
wallet-in-flight =
    { $count ->
        [one] One open order is holding an address. It's given back if the order ends unpaid.
       *[other] { $count } open orders are holding an address. Each is given back if its order ends unpaid.
    }
# The gap limit: a wallet restored from its seed words stops looking after this many unused
# addresses in a row. Addresses held by open, unpaid orders count as unused.
wallet-gap-close-title = A restored wallet may soon miss new payouts
wallet-gap-beyond-title = A restored wallet may miss the next payout
# $limit is the gap limit, a number of addresses.
wallet-gap-explain = A wallet restored from its seed words checks addresses in order and stops after { $limit } unused ones in a row. Addresses held by open orders stay unused until they're paid, so a payout further along may not show up.
wallet-gap-what-to-do = To be safe: let open orders finish or end, paste an address for the next sale instead, or raise the gap limit in your wallet and then here.
wallet-gap-limit = Gap limit
wallet-gap-limit-help = How many unused addresses in a row your wallet checks before it stops (20 in most wallets). It must match your wallet's setting.
wallet-gap-limit-invalid = Enter a whole number from 1 to 1000. Most wallets use 20.
wallet-gap-limit-save = Save gap limit
wallet-gap-limit-saved = Gap limit saved.
wallet-key-missing = This computer has no system keyring, so your wallet's key was kept only until the app last closed. Paste it again to keep getting a fresh address for each sale.
wallet-remove = Remove wallet
wallet-remove-confirm = Remove this wallet from the app? Orders that already have an address keep it, and your wallet and its bitcoin aren't touched. You can add it again at any time.
wallet-remove-yes = Yes, remove it
wallet-removed = Wallet removed. Paste an address for each sale, or add a wallet again.

## Files saved from orders: status history, export, support file, receipt

records-history-title = Status history
records-history-label = How the order's status changed, oldest first
records-history-empty = No changes of status recorded yet.
records-include-ids = Include order IDs
records-include-id = Include the order ID
records-ids-warning = Anyone with an order ID controls that order. Keep this file private.
records-saved-as = Saved as { $name }
records-cancelled = Not saved.
records-export-title = Export…
records-export-lead = Save a list of your orders: dates, amounts, sats received, prices, where the bitcoin went and its transaction.
records-format = Format
records-format-csv = CSV, for spreadsheets and tax software
records-format-bip329 = BIP-329 labels, for Sparrow and other wallets
records-export-button = Export…
records-support-title = Support file
records-support-lead = One file for CardCoins support: the app's version, your system, the last lines of the log, and your orders' details and status history. It never holds photos.
records-support-lead-order = One file for CardCoins support about this order: the app's version, your system, the last lines of the log, and this order's details and status history. It never holds photos.
records-save-support = Save a support file…
records-save-support-order = Save a support file for this order
records-receipt-title = Receipt
records-receipt-lead = A PDF for your records: the card's value, your quote, where the bitcoin goes, how the order went and the payout.
records-save-receipt = Save a receipt (PDF)…

## Errors: the titles and next steps the app puts around the backend's own message

error-title = Something went wrong
error-offline-title = You seem to be offline
error-offline-next = Check your internet connection, then try again. Nothing you entered is lost.
error-maintenance-title = CardCoins is under maintenance
error-maintenance-next = Nothing you entered is lost. Try again in a few minutes.
error-busy-title = CardCoins is busy
error-private-key-title = Not kept: that was private
error-busy-next = Wait a minute, then try again.
error-blocked-title = CardCoins is not answering this network for now
error-blocked-next = Nothing you entered is lost. If you use a VPN or Tor, a different connection may help; otherwise wait, then try again.
# $words are CardCoins' own, shown as it wrote them.
error-server-said = CardCoins said: “{ $words }”
error-retry-in = Try again in { $seconds } s
error-unexpected = Something unexpected went wrong. Please try again; if it keeps happening, contact CardCoins support.
