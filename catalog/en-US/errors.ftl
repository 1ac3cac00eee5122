### What went wrong, by the error's code (`ErrorCode` in ui/src/lib/bindings.ts), and what to do.
### Shown in every language when the backend gives no reason of its own (reasons.ftl has those,
### more specific: the character mistyped, the minutes to wait). The code asks for
### error-code-<code>, so every code needs a message here (a test checks it).
### CardCoins' own words are shown apart, as it wrote them: never repeat or translate them here.

## What the person typed or chose

error-code-invalid_amount = That is not an amount the app can use. Enter the card's value in dollars, like 55.00.
error-code-invalid_order_id = That is not an order ID. Paste the order ID CardCoins gave you, and nothing else.
error-code-invalid_phone = That phone number cannot be used. Enter a mobile number that can receive a text, without an extension.
error-code-invalid_destination = CardCoins cannot pay to this. Paste a bitcoin address, a Lightning invoice with no amount or a Lightning Address, copied from your wallet's receive screen.
error-code-bad_checksum = A character is mistyped or missing. Copy the address or invoice again from your wallet rather than typing it.
error-code-testnet_address = This is for a test network, not real bitcoin. Use a receive address or invoice from a wallet for real bitcoin.
error-code-invoice_has_amount = This invoice asks for an amount. Create an invoice with no amount: CardCoins sets the amount from the card's value.
error-code-invoice_expired = This invoice has expired. Create a new invoice with no amount.
error-code-unknown_image_slot = That is not a kind of photo CardCoins asks for. Choose one of the photos the order lists.
error-code-invalid_name = Give both your first and your last name, as they are on your ID, or neither.
error-code-invalid_code = That does not look like the code from the message: type its digits, like 123456.
error-code-refused_input = These choices cannot be used together. Check what you entered and try again.

## What CardCoins answered

error-code-bad_request = CardCoins refused the request. Check what you entered and try again.
error-code-code_refused = CardCoins did not accept the code. Check it and type it again, or ask for a new code; after several tries CardCoins also wants a new captcha with the code.
error-code-send_refused = CardCoins did not send a code. Check the number, then solve a new captcha and ask again.
error-code-payment_refused = CardCoins did not accept the payout details. Check the address or invoice; CardCoins may also need your first and last name, or a new captcha after several tries.
error-code-photos_refused = CardCoins did not accept the photos. Check that each is a JPEG or PNG under 5 MB and that every photo it asks for is uploaded.
error-code-forbidden = CardCoins did not allow this: the order may have moved on to another step, or this network location is not served.
error-code-order_not_found = The order was not found: it may have expired or been cancelled. Start a new order.
error-code-temporarily_blocked = CardCoins is refusing requests from this network for a while: too many requests, a VPN, or the location may be the reason. Wait a few minutes before trying again.
error-code-server_error = CardCoins had a server problem. Try again in a few minutes; contact support if it keeps happening.
error-code-maintenance = CardCoins is offline for maintenance. Try again later.
error-code-offline = Could not connect to CardCoins. Check the internet connection (and the proxy, if one is set), then try again.
error-code-timeout = CardCoins took too long to answer. Check the connection and try again.
error-code-secure_connection_failed = The secure connection to CardCoins failed. Check the computer's clock and any proxy or filter that intercepts HTTPS, then try again.
error-code-unreadable_answer = CardCoins sent an answer this app could not read. Try again later; the app may need an update.
error-code-upload_expired = The upload permission expired before the photo arrived. Upload it again.
error-code-upload_too_slow = This connection may be too slow to send the photo within the 15 seconds CardCoins' permission to upload it lasts. Connect to a faster network if you can, or try anyway: it may still arrive.
error-code-upload_too_large = The photo is too large for the image store. Prepare a smaller photo and upload it again.
error-code-upload_refused = The image store did not take the photo. Upload it again in a moment; contact support if it keeps happening.

## Photos

error-code-photo_unreadable = The photo file could not be read: it may be missing, empty, cut short or damaged. Choose the photo again, or take a new one.
error-code-photo_folder = This is a folder, not a photo. Choose a photo file inside it.
error-code-photo_too_large = The photo is too large to use. Choose the photo itself as your phone's camera saved it, or crop it to the card, and try again.
error-code-photo_heic = This is a HEIC photo (the iPhone's High Efficiency format), which the app cannot read here. Export it as JPEG and choose that file: on the iPhone, Settings > Camera > Formats > Most Compatible makes the camera save JPEG.
error-code-photo_not_image = This file is not a photo the app can use. Choose a photo of the card: a JPEG, PNG or WebP file.
error-code-photo_not_prepared = Choose the photo for this slot again before uploading it.

## The captcha window

error-code-captcha_required = Solve the captcha first, then ask for the code again.
error-code-captcha_open = The captcha window is already open: solve it there.
error-code-captcha_not_completed = The captcha was closed before it was solved. Solve it to get the code sent.
error-code-captcha_timeout = The captcha window was closed because the check was not finished in time. Press Send code to open it again.
error-code-captcha_not_configured = Codes cannot be sent from this copy of the app: it was built without the captcha CardCoins requires.

## The seller's wallet

error-code-invalid_wallet = This is not a wallet key the app can use. Paste the extended public key (xpub, ypub or zpub) or the output descriptor from your wallet's export screen.
error-code-wallet_private_key = This is private: it can spend your bitcoin. Never paste it into any app. Paste your wallet's extended public key (xpub, ypub or zpub) instead; nothing was kept.
error-code-wallet_not_set = No wallet is set, or its key is no longer on this computer. Add your wallet in Settings, or paste an address.

## This computer

error-code-unknown_order = This order is not in the order list (it may have been forgotten). Open the order list again.
error-code-vault_unavailable = The app could not use the orders saved on this computer: the order list or an order ID could not be read or saved. Restart the app; if it keeps happening, contact CardCoins support.
error-code-invalid_settings = A setting cannot be used. Check the addresses in Settings and change the one that is wrong.
error-code-settings_not_saved = The settings could not be saved. Check that you may write to the app's folder, then save again.
error-code-not_sandbox = Codes can be read here only in practice mode; look at your phone's messages.
error-code-sandbox = The practice server failed. Restart the app, or turn off practice mode in Settings.
error-code-io = Something on this computer could not be opened or saved. Try again; if it keeps happening, restart the app.
error-code-internal = Something went wrong in the app. Try again; if it keeps happening, restart the app.
