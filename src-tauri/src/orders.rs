//! One command per step of an order: create, read, phone, payment, verify. Each reads the order
//! ID from the vault by handle and keeps the vault's record in step with the server.

use cardcoins_api::{CodeChannel, NewOrder, OrderDetails, PaymentDetails, PersonName};
use cardcoins_core::{Cents, Destination, OrderStatus, PhoneNumber};
use cardcoins_vault::FlowStep as VaultStep;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::AppError;
use crate::order_views::{uploaded_slots, OrderSummary, OrderView};
use crate::state::AppState;

pub async fn create(state: &AppState, amount_cents: u64) -> Result<OrderSummary, AppError> {
    if amount_cents == 0 {
        return Err(AppError::new(
            "invalid_amount",
            "The amount must be more than zero: enter the card's value in dollars.",
        ));
    }
    let amount = Cents::new(amount_cents);
    let id = state.api().create_order(&NewOrder::new(amount)).await?;
    // Into the vault before anything else: from here on a crash loses no order.
    let created_at = time::OffsetDateTime::now_utc();
    let record = state
        .vault(move |vault| vault.add(&id, amount, created_at))
        .await?;
    Ok(OrderSummary::from(&record))
}

/// Reads the order from the server and records what it says in the vault.
pub async fn fetch(
    state: &AppState,
    handle: &str,
) -> Result<(OrderDetails, OrderStatus), AppError> {
    let id = {
        let handle = handle.to_string();
        state.vault(move |vault| vault.order_id(&handle)).await?
    };
    let details = state.api().get_order(&id).await?;
    let step = details.resume_step();
    let status = details.status.clone();
    let uploaded = uploaded_slots(&details);
    let handle = handle.to_string();
    let previous = state
        .vault(move |vault| {
            let previous = vault.get(&handle)?.last_status;
            vault.update(&handle, |record| {
                record.last_status = status;
                record.step = step;
                for slot in uploaded {
                    record.mark_uploaded(slot);
                }
            })?;
            Ok(previous)
        })
        .await?;
    Ok((details, previous))
}

/// The order without the change note (the tests' shorthand).
#[cfg(test)]
pub async fn get(state: &AppState, handle: &str) -> Result<OrderView, AppError> {
    Ok(get_noting_change(state, handle).await?.0)
}

/// The order as the server has it now, and the change of status since the app last looked,
/// if any: a person watching the status screen is told of a decision like one who is not.
pub async fn get_noting_change(
    state: &AppState,
    handle: &str,
) -> Result<(OrderView, Option<OrderStatusChanged>), AppError> {
    let (details, previous) = fetch(state, handle).await?;
    Ok((
        OrderView::new(handle, &details),
        OrderStatusChanged::between(handle, &previous, &details.status),
    ))
}

pub async fn dispatch_phone_code(
    state: &AppState,
    handle: &str,
    phone: &str,
    call: bool,
    captcha_token: &str,
) -> Result<(), AppError> {
    let phone = PhoneNumber::parse(phone, "US")?;
    let captcha_token = captcha_token.trim();
    if captcha_token.is_empty() {
        return Err(AppError::new(
            "captcha_required",
            "Solve the captcha first, then ask for the code again.",
        ));
    }
    let id = order_id(state, handle).await?;
    let channel = if call {
        CodeChannel::Call
    } else {
        CodeChannel::Sms
    };
    // The number goes with the dispatch; before the phone is verified it can still change.
    state
        .api()
        .send_phone_code(&id, &phone, captcha_token, channel)
        .await?;
    Ok(())
}

pub async fn confirm_phone_code(
    state: &AppState,
    handle: &str,
    phone: &str,
    code: &str,
    captcha_token: Option<&str>,
) -> Result<(), AppError> {
    let phone = PhoneNumber::parse(phone, "US")?;
    let code = code.trim();
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
        return Err(AppError::new(
            "wrong_code",
            "Type the code from the message: digits only, like 123456.",
        ));
    }
    let id = order_id(state, handle).await?;
    let token = captcha_token.map(str::trim).filter(|t| !t.is_empty());
    state
        .api()
        .submit_phone_code(&id, &phone, code, token)
        .await?;
    set_step(state, handle, VaultStep::Payout).await
}

pub async fn submit_payout(
    state: &AppState,
    handle: &str,
    destination: &str,
    first_name: Option<&str>,
    last_name: Option<&str>,
) -> Result<(), AppError> {
    let destination = Destination::parse(destination)?.destination;
    let name = match (
        first_name.map(str::trim).filter(|n| !n.is_empty()),
        last_name.map(str::trim).filter(|n| !n.is_empty()),
    ) {
        (Some(first), Some(last)) => Some(PersonName {
            first: first.to_string(),
            last: last.to_string(),
        }),
        (None, None) => None,
        _ => {
            return Err(AppError::new(
                "name_required",
                "Give both your first and your last name, or neither.",
            ))
        }
    };
    let id = order_id(state, handle).await?;
    let details = PaymentDetails {
        destination: Some(destination),
        name,
        captcha_token: None,
    };
    state.api().submit_payment(&id, &details).await?;
    set_step(state, handle, VaultStep::Photos).await
}

pub async fn request_review(state: &AppState, handle: &str) -> Result<(), AppError> {
    let id = order_id(state, handle).await?;
    state.api().submit_for_verification(&id).await?;
    state.drop_prepared(handle, None);
    let handle = handle.to_string();
    state
        .vault(move |vault| {
            vault.update(&handle, |record| {
                record.last_status = OrderStatus::Processing;
                record.step = VaultStep::Status;
            })
        })
        .await?;
    Ok(())
}

/// The newest code the sandbox "sent", to fill in while practising.
pub async fn latest_practice_code(
    state: &AppState,
    phone: Option<&str>,
) -> Result<Option<String>, AppError> {
    let Some(sandbox) = state.sandbox() else {
        return Err(AppError::new(
            "not_sandbox",
            "Codes can be read here only in practice mode; look at your phone's messages.",
        ));
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
#[derive(Debug, Clone, Serialize, Deserialize, Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct OrderStatusChanged {
    pub handle: String,
    pub status: String,
    pub status_label: String,
}

impl OrderStatusChanged {
    fn between(handle: &str, before: &OrderStatus, now: &OrderStatus) -> Option<Self> {
        (before != now).then(|| OrderStatusChanged {
            handle: handle.to_string(),
            status: now.as_str().to_string(),
            status_label: now.label().to_string(),
        })
    }
}

/// Asks the server about every order that can still change; returns those whose status did.
pub async fn refresh_open(state: &AppState) -> Vec<OrderStatusChanged> {
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
            Ok((details, previous)) => {
                changes.extend(OrderStatusChanged::between(
                    &record.handle,
                    &previous,
                    &details.status,
                ));
            }
            Err(error) => {
                tracing::info!(code = %error.code, handle = %record.handle, "order not refreshed")
            }
        }
    }
    changes
}

async fn order_id(state: &AppState, handle: &str) -> Result<cardcoins_core::OrderId, AppError> {
    let handle = handle.to_string();
    state.vault(move |vault| vault.order_id(&handle)).await
}

async fn set_step(state: &AppState, handle: &str, step: VaultStep) -> Result<(), AppError> {
    let handle = handle.to_string();
    state
        .vault(move |vault| vault.update(&handle, |record| record.step = step))
        .await?;
    Ok(())
}

#[tauri::command]
#[specta::specta]
pub async fn create_order(
    state: tauri::State<'_, AppState>,
    amount_cents: u64,
) -> Result<OrderSummary, AppError> {
    create(&state, amount_cents).await
}

#[tauri::command]
#[specta::specta]
pub async fn get_order(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    handle: String,
) -> Result<OrderView, AppError> {
    let (view, change) = get_noting_change(&state, &handle).await?;
    if let Some(change) = change {
        crate::status_watch::announce(&app, &state, &change);
    }
    Ok(view)
}

#[tauri::command]
#[specta::specta]
pub async fn send_phone_code(
    state: tauri::State<'_, AppState>,
    handle: String,
    phone: String,
    call: bool,
    captcha_token: String,
) -> Result<(), AppError> {
    dispatch_phone_code(&state, &handle, &phone, call, &captcha_token).await
}

#[tauri::command]
#[specta::specta]
pub async fn verify_phone_code(
    state: tauri::State<'_, AppState>,
    handle: String,
    phone: String,
    code: String,
    captcha_token: Option<String>,
) -> Result<(), AppError> {
    confirm_phone_code(&state, &handle, &phone, &code, captcha_token.as_deref()).await
}

#[tauri::command]
#[specta::specta]
pub async fn submit_payment(
    state: tauri::State<'_, AppState>,
    handle: String,
    destination: String,
    first_name: Option<String>,
    last_name: Option<String>,
) -> Result<(), AppError> {
    submit_payout(
        &state,
        &handle,
        &destination,
        first_name.as_deref(),
        last_name.as_deref(),
    )
    .await
}

#[tauri::command]
#[specta::specta]
pub async fn submit_for_verification(
    state: tauri::State<'_, AppState>,
    handle: String,
) -> Result<(), AppError> {
    request_review(&state, &handle).await
}

#[tauri::command]
#[specta::specta]
pub async fn sandbox_latest_code(
    state: tauri::State<'_, AppState>,
    phone: Option<String>,
) -> Result<Option<String>, AppError> {
    latest_practice_code(&state, phone.as_deref()).await
}
