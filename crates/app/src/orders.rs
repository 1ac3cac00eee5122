//! One command per step of an order: create, read, phone, payment, verify. Each reads the order
//! ID from the vault by handle and keeps the vault's record in step with the server.

use std::time::Instant;

use cardcoins_api::{ApiError, CodeChannel, NewOrder, OrderDetails, PaymentDetails, PersonName};
use cardcoins_core::{
    quote_sats, ApiField, Cents, Destination, ErrorCode, FlowStep, OrderStatus, PhoneNumber,
    VerificationCode,
};
use cardcoins_records::OrderFacts;
use cardcoins_vault::{OrderRecord, RecordedQuote};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::AppError;
use crate::order_sync::LastRead;
use crate::order_views::{progress_of, OrderSummary, OrderView};
use crate::state::AppState;

/// Makes the order. `quoted_price` is the price (US cents per bitcoin) of the quote the seller
/// saw, kept with the order as what they were promised.
pub async fn create_order(
    state: &AppState,
    amount_cents: u64,
    quoted_price: Option<u64>,
) -> Result<OrderSummary, AppError> {
    let amount = Cents::order_amount(amount_cents)?;
    let id = state.api().create_order(&NewOrder::new(amount)).await?;
    // Into the vault before anything else: from here on a crash loses no order.
    let created_at = time::OffsetDateTime::now_utc();
    let quote = quoted_price
        .filter(|price| *price > 0)
        .map(|price| RecordedQuote {
            sats: quote_sats(amount, Cents::new(price)),
            price: Cents::new(price),
            at: created_at,
        });
    let record = state
        .vault(move |vault| vault.add(&id, amount, created_at, quote))
        .await?;
    Ok(OrderSummary::from(&record))
}

/// What one read of an order gave: the server's details, the record as it now stands, and
/// the change of status this read saw (already announced).
pub struct Synced {
    pub details: OrderDetails,
    pub record: OrderRecord,
    pub change: Option<StatusChange>,
}

/// Reads the order from the server and records what it says in the vault, in the order's turn
/// (`order_sync`): a change of status is announced once, by the read that saw it. An order the
/// server no longer has (404) is recorded as gone, so nothing polls it again.
pub async fn fetch(state: &AppState, handle: &str) -> Result<Synced, AppError> {
    let turn = state.order_syncs.turn(handle);
    let mut last_read = turn.lock().await;
    let (id, record) = {
        let handle = handle.to_string();
        state
            .vault(move |vault| Ok((vault.order_id(&handle)?, vault.get(&handle)?)))
            .await?
    };
    if let Some(read) = last_read
        .as_ref()
        .filter(|read| read.at.elapsed() < state.order_syncs.interval())
    {
        return Ok(Synced {
            details: read.details.clone(),
            record,
            change: None,
        });
    }
    let details = match state.api().get_order(&id).await {
        Ok(details) => details,
        Err(error @ ApiError::NotFound { .. }) => {
            *last_read = None;
            let handle = handle.to_string();
            let noted = handle.clone();
            state
                .vault(move |vault| {
                    vault.update(&noted, |record| {
                        record.note_status(
                            OrderStatus::Gone,
                            time::OffsetDateTime::now_utc(),
                            None,
                        );
                        record.step = FlowStep::Status;
                    })
                })
                .await?;
            if let Some(change) =
                StatusChange::between(&handle, &record.last_status, &OrderStatus::Gone, false)
            {
                announce(state, &change);
            }
            return Err(error.into());
        }
        Err(error) => return Err(error.into()),
    };
    let recorded = progress_of(&record);
    let step = details.resume_step(&recorded);
    let status = details.status.clone();
    // The server's words with a status are a rejection's feedback (already scrubbed of the ID).
    let message = details
        .photos_rejected()
        .then(|| details.all_feedback().collect::<Vec<_>>().join(" "));
    let server_quote = RecordedQuote {
        sats: details.sats,
        price: details.price_usd,
        at: details
            .quote_updated_at
            .unwrap_or_else(time::OffsetDateTime::now_utc),
    };
    let payout_watch = record
        .payout_watch
        .is_none()
        .then(|| {
            crate::payout_watch::watch_for(
                &OrderFacts::new(&record, Some(&details)),
                record.created_at,
            )
        })
        .flatten();
    let uploaded: Vec<_> = details
        .required_images
        .iter()
        .filter(|image| image.uploaded == Some(true))
        .map(|image| image.slot)
        .collect();
    let updated = {
        let handle = handle.to_string();
        state
            .vault(move |vault| {
                vault.update(&handle, |record| {
                    record.note_status(status, time::OffsetDateTime::now_utc(), message);
                    record.note_server_quote(server_quote);
                    record.step = step;
                    if record.payout_watch.is_none() {
                        record.payout_watch = payout_watch;
                    }
                    for slot in uploaded {
                        record.mark_uploaded(slot);
                    }
                })?;
                vault.get(&handle)
            })
            .await?
    };
    *last_read = Some(LastRead {
        at: Instant::now(),
        details: details.clone(),
    });
    let change = StatusChange::between(
        handle,
        &record.last_status,
        &details.status,
        details.photos_rejected(),
    );
    if let Some(change) = &change {
        announce(state, change);
    }
    Ok(Synced {
        details,
        record: updated,
        change,
    })
}

/// The order as the Status screen shows it: the server's details on the app's record.
pub async fn get_order(state: &AppState, handle: &str) -> Result<OrderView, AppError> {
    Ok(get_noting_change(state, handle).await?.0)
}

/// The order, and the change of status this read saw, if any (already announced): a person
/// watching the Status screen is told of a decision like one who is not.
pub async fn get_noting_change(
    state: &AppState,
    handle: &str,
) -> Result<(OrderView, Option<StatusChange>), AppError> {
    let Synced {
        details,
        record,
        change,
    } = fetch(state, handle).await?;
    let view = OrderView::new(&details, &record);
    let watch_on = state.settings().payout_watch;
    Ok((
        crate::payout_views::with_payout(view, &record, watch_on).with_history(&record.history),
        change,
    ))
}

pub async fn send_phone_code(
    state: &AppState,
    handle: &str,
    phone: &str,
    call: bool,
    captcha_token: &str,
) -> Result<(), AppError> {
    let phone = PhoneNumber::parse(phone, "US")?;
    let captcha_token = captcha_token.trim();
    if captcha_token.is_empty() {
        return Err(AppError::new(ErrorCode::CaptchaRequired));
    }
    let id = order_id(state, handle).await?;
    let channel = if call {
        CodeChannel::Call
    } else {
        CodeChannel::Sms
    };
    state
        .api()
        .ask_for_code(&id, &phone, captcha_token, channel)
        .await?;
    Ok(())
}

pub async fn verify_phone_code(
    state: &AppState,
    handle: &str,
    phone: &str,
    code: &str,
    captcha_token: Option<&str>,
) -> Result<(), AppError> {
    let phone = PhoneNumber::parse(phone, "US")?;
    let code = VerificationCode::parse(code)?;
    let id = order_id(state, handle).await?;
    let token = captcha_token.map(str::trim).filter(|t| !t.is_empty());
    state
        .api()
        .submit_phone_code(&id, &phone, code.as_str(), token)
        .await?;
    state.order_syncs.forget(handle).await;
    let handle = handle.to_string();
    state
        .vault(move |vault| {
            vault.update(&handle, |record| {
                record.note_phone(phone.e164());
                record.step = FlowStep::Payout;
            })
        })
        .await?;
    Ok(())
}

/// Sends the payout step with a destination the seller pasted. An address from their wallet
/// that the order held before is given back (only CardCoins saw it).
pub async fn submit_payment(
    state: &AppState,
    handle: &str,
    destination: &str,
    first_name: Option<&str>,
    last_name: Option<&str>,
    captcha_token: Option<&str>,
) -> Result<(), AppError> {
    send_payment(
        state,
        handle,
        destination,
        None,
        first_name,
        last_name,
        captcha_token,
    )
    .await
}

/// The payout step, and on success what the order now records: the destination sent, and which
/// address of the seller's wallet it is, if it is one.
pub(crate) async fn send_payment(
    state: &AppState,
    handle: &str,
    destination: &str,
    wallet_address: Option<cardcoins_vault::WalletAddress>,
    first_name: Option<&str>,
    last_name: Option<&str>,
    captcha_token: Option<&str>,
) -> Result<(), AppError> {
    let destination = Destination::parse(destination)?.destination;
    let name = PersonName::parse(first_name, last_name)?;
    let id = order_id(state, handle).await?;
    let sent = destination.api_value().to_string();
    let lightning = destination.api_field() == ApiField::LnInvoice;
    let names_given = name.is_some();
    let details = PaymentDetails {
        destination: Some(destination),
        name,
        captcha_token: captcha_token
            .map(str::trim)
            .filter(|token| !token.is_empty())
            .map(str::to_string),
    };
    state.api().submit_payment(&id, &details).await?;
    state.order_syncs.forget(handle).await;
    let handle = handle.to_string();
    state
        .vault(move |vault| {
            vault.update(&handle, |record| {
                record.note_destination(
                    &sent,
                    lightning,
                    names_given,
                    time::OffsetDateTime::now_utc(),
                );
                record.wallet_address = wallet_address;
                record.step = FlowStep::Photos;
            })
        })
        .await?;
    Ok(())
}

pub async fn submit_for_verification(state: &AppState, handle: &str) -> Result<(), AppError> {
    let id = order_id(state, handle).await?;
    if let Err(error) = state.api().submit_for_verification(&id).await {
        note_named_slots(state, handle, &error).await;
        return Err(error.into());
    }
    state.drop_prepared(handle, None);
    state.order_syncs.forget(handle).await;
    let handle = handle.to_string();
    state
        .vault(move |vault| {
            vault.update(&handle, |record| {
                record.note_status(
                    OrderStatus::Processing,
                    time::OffsetDateTime::now_utc(),
                    None,
                );
                record.step = FlowStep::Status;
            })
        })
        .await?;
    Ok(())
}

/// The newest code the sandbox "sent", to fill in while practising.
pub async fn sandbox_latest_code(
    state: &AppState,
    phone: Option<&str>,
) -> Result<Option<String>, AppError> {
    let Some(sandbox) = state.sandbox() else {
        return Err(AppError::new(ErrorCode::NotSandbox));
    };
    let phone = phone
        .map(|phone| PhoneNumber::parse(phone, "US"))
        .transpose()?;
    Ok(sandbox
        .outbox(phone.as_ref().map(PhoneNumber::e164))
        .pop()
        .map(|message| message.code))
}

/// An order whose status changed while the app was open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub handle: String,
    pub status: String,
    pub status_label: String,
    /// What the change means for the seller, when it is a decision worth a notification.
    pub outcome: Option<Outcome>,
}

/// A decision on an order, read from its status (and, for a status word this version does not
/// know, from the feedback that comes with a rejection).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Accepted,
    PhotosRejected,
    Gone,
}

impl Outcome {
    fn of(status: &OrderStatus, photos_rejected: bool) -> Option<Outcome> {
        match status {
            OrderStatus::Approved | OrderStatus::Completed => Some(Outcome::Accepted),
            OrderStatus::Gone | OrderStatus::Expired | OrderStatus::Cancelled => {
                Some(Outcome::Gone)
            }
            _ if photos_rejected => Some(Outcome::PhotosRejected),
            _ => None,
        }
    }
}

impl StatusChange {
    fn between(
        handle: &str,
        before: &OrderStatus,
        now: &OrderStatus,
        photos_rejected: bool,
    ) -> Option<Self> {
        (before != now).then(|| StatusChange {
            handle: handle.to_string(),
            status: now.as_str().to_string(),
            status_label: now.label(),
            outcome: Outcome::of(now, photos_rejected),
        })
    }
}

/// Asks the server about every order that can still change; returns the changes it saw (each
/// already announced).
pub async fn refresh_open(state: &AppState) -> Vec<StatusChange> {
    let open = match state.vault(|vault| Ok(vault.orders())).await {
        Ok(orders) => orders,
        Err(error) => {
            tracing::warn!(code = %error.code, "could not list orders to refresh");
            return Vec::new();
        }
    };
    let mut changes = Vec::new();
    for record in open.into_iter().filter(|r| !r.last_status.is_final()) {
        match fetch(state, &record.handle).await {
            Ok(synced) => changes.extend(synced.change),
            Err(error) => {
                tracing::info!(code = %error.code, handle = %record.handle, "order not refreshed")
            }
        }
    }
    changes
}

/// Tells the frontend, and the desktop when it is a decision and the seller wants to know.
fn announce(state: &AppState, change: &StatusChange) {
    state.shell().status_changed(change);
    let Some(outcome) = change.outcome else {
        return;
    };
    if state.settings().notifications {
        let (title, body) = crate::notices::status_notice(&state.catalog(), change, outcome);
        state.shell().notify(&title, &body);
    }
}

async fn order_id(state: &AppState, handle: &str) -> Result<cardcoins_core::OrderId, AppError> {
    let handle = handle.to_string();
    state.vault(move |vault| vault.order_id(&handle)).await
}

/// A refusal that names photos the order needs (by their API identifiers) adds them to the
/// order, so the photos step offers them even when the server's order shows no list.
pub(crate) async fn note_named_slots(state: &AppState, handle: &str, error: &ApiError) {
    let named = error.named_image_slots();
    if named.is_empty() {
        return;
    }
    let handle = handle.to_string();
    let noted = state
        .vault(move |vault| {
            vault.update(&handle, |record| {
                for slot in named {
                    record.add_extra_slot(slot);
                }
            })
        })
        .await;
    if let Err(error) = noted {
        tracing::warn!(code = %error.code, "could not note the photos a refusal named");
    }
}
