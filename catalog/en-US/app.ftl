# Sentences the app's Rust side says itself: desktop notifications, shown when no screen is.
# The UI reads these files too.

## Desktop notifications. The title starts with the app's name: the system shows no other.

notice-title = CardCoins: { $stage }
notice-stage-accepted = { $status ->
    [completed] Completed
   *[other] Approved
}
notice-stage-photos-rejected = Photos rejected
notice-stage-gone = { $status ->
    [expired] Expired
    [cancelled] Cancelled
   *[other] No longer on file
}
notice-accepted-body = Your card was accepted: the bitcoin is on its way.
notice-photos-rejected-body = Some photos were not accepted. Open the order to see why and send new ones.
notice-gone-body = The order is no longer on file at CardCoins. Open the app to see what to do.

## The payout watch, as the bitcoin travels to the seller's wallet. No transaction or address
## is named: the order shows the transaction once, beside the payout.

notice-payout-seen-title = Payment seen
notice-payout-seen-body = Your bitcoin is on its way, not yet confirmed. It may be replaced by a bigger batch: that is normal. Don't spend it yet.
notice-payout-replaced-title = Payment replaced by a bigger batch
notice-payout-replaced-body = CardCoins replaced the transaction with a bigger batch that pays you the same amount: that is normal. Don't spend it yet.
notice-payout-confirmed-title = Payment confirmed
notice-payout-confirmed-body = It has { $confirmations ->
    [one] { $confirmations } confirmation
   *[other] { $confirmations } confirmations
} of the 3 the app waits for. Don't spend it yet.
notice-payout-done-title = Payment complete
notice-payout-done-body = It has 3 confirmations (block { $block }). The bitcoin is yours to spend.

## The app could not start: a system dialog, shown before any window, in the computer's language.
## Under the title, what went wrong (a reason or an error-code- message), then launch-failed-next.

launch-failed-title = CardCoins could not start
launch-failed-next = Your saved orders are not affected. If this keeps happening, contact CardCoins support.

## The system's file dialogs.

dialog-choose-photos = Choose photos of the card
dialog-choose-photos-filter = Photos
dialog-captcha-title = CardCoins: are you a person?
dialog-export-title = Export your orders
dialog-export-filter-csv = CSV spreadsheet
dialog-export-filter-bip329 = BIP-329 labels
dialog-support-title = Save a support file
dialog-support-filter = Support file
dialog-receipt-title = Save a receipt
dialog-receipt-filter = PDF receipt

## The receipt (PDF). Labels stand left of their values: keep them short (about 22 letters).

receipt-title = CardCoins Desktop - receipt
receipt-made = Receipt made
receipt-card-value = Gift card value
receipt-ordered = Order made
receipt-status = Status now
receipt-quote = Quote
receipt-price = Price per bitcoin
receipt-quote-value = Quote in dollars
receipt-quoted-at = Quoted
receipt-onchain = Bitcoin address
receipt-lightning = Lightning
receipt-phone = Phone ending in
receipt-names = Names given
receipt-yes = Yes
receipt-no = No
receipt-paid = Bitcoin sent
receipt-paid-value = Sent in dollars
receipt-txid = Transaction ID
receipt-payment-hash = Payment hash
receipt-order-id = Order ID
receipt-order-id-warning = Anyone with the order ID controls the order: keep this receipt private.
receipt-history = Status history
receipt-dollars-note = Dollar values are the bitcoin at the quote's price, to the nearest cent.
receipt-page-of = Page { $page } of { $pages }
