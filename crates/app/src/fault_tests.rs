//! The app under the server's failures. For each fault a whole order runs with the fault
//! switched on at every step in turn: the step fails with the code the UI branches on and words
//! without the order ID, the order stays in the vault where it was, nothing prepared is lost, and
//! once the fault clears the same step succeeds and the same order is approved.

use std::future::Future;
use std::time::Duration;

use cardcoins_api::{ApiClient, RetryPolicy};
use cardcoins_core::ErrorCode;
use cardcoins_sandbox::{Fault, ManualClock, SandboxConfig, SandboxHandle};
use tempfile::TempDir;

use crate::flow_tests::{practice_in, write_card_photo, ADDRESS, PHONE};
use crate::order_views::FlowStep;
use crate::photos;
use crate::state::AppState;
use crate::{orders, vault, AppError};

/// Steps that talk to the image store rather than the API.
const UPLOAD_STEP: &str = "upload";

pub(crate) struct FaultRun {
    _folder: TempDir,
    pub(crate) folder_path: std::path::PathBuf,
    pub(crate) state: AppState,
    fault: Fault,
    /// The code each faulted step must fail with; `None` when the fault is one the app must
    /// ride out without an error.
    expected: Option<ErrorCode>,
    /// Faults of the image store leave every other step alone.
    upload_only: bool,
    pub(crate) handle: Option<String>,
    /// The sandbox's time: the review's delay passes when the test says, not by waiting.
    clock: ManualClock,
}

impl FaultRun {
    pub(crate) async fn start(
        fault: Fault,
        expected: Option<ErrorCode>,
        upload_only: bool,
    ) -> FaultRun {
        let folder = tempfile::tempdir().expect("temp dir");
        let clock = ManualClock::starting_now();
        let state = practice_in(folder.path(), None, Some(&clock)).await;
        let base = state.sandbox().expect("sandbox").api_base_url();
        // The app's own policy, with waits short enough for a test: a hung server costs a
        // second, not the half minute a person would wait.
        state.use_client(
            ApiClient::builder()
                .base_url(base.as_str())
                .timeout(Duration::from_millis(800))
                .retry_policy(RetryPolicy {
                    max_attempts: 2,
                    base_delay: Duration::from_millis(10),
                    max_delay: Duration::from_millis(20),
                    // Each step is tried again once the fault clears; the client's own hold
                    // after a block is tested in cardcoins-api.
                    max_blocked_pause: Duration::ZERO,
                })
                .build()
                .expect("client"),
        );
        FaultRun {
            folder_path: folder.path().to_path_buf(),
            _folder: folder,
            state,
            fault,
            expected,
            upload_only,
            handle: None,
            clock,
        }
    }

    fn sandbox(&self) -> &SandboxHandle {
        self.state.sandbox().expect("sandbox")
    }

    /// What the history shows: it must not move while a step fails.
    async fn history(&self) -> String {
        format!(
            "{:?}",
            vault::list_orders(&self.state).await.expect("history")
        )
    }

    async fn assert_no_secret(&self, text: &str) {
        if let Some(handle) = &self.handle {
            let id = vault::order_id(&self.state, handle).await.expect("ID kept");
            assert!(
                !text.contains(id.expose_secret()),
                "{:?}: the order ID leaked into {text:?}",
                self.fault
            );
        }
    }

    /// Runs `step` with the fault on, then, once it is cleared, again.
    async fn step<T, F, Fut>(&self, name: &str, mut step: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, AppError>>,
    {
        let faulted = !self.upload_only || name == UPLOAD_STEP;
        if !faulted {
            return step()
                .await
                .unwrap_or_else(|error| panic!("{name} (not faulted): {error:?}"));
        }
        let before = self.history().await;
        self.sandbox().set_fault(Some(self.fault));
        let outcome = step().await;
        self.sandbox().set_fault(None);
        let Some(expected) = self.expected else {
            return outcome.unwrap_or_else(|error| {
                panic!("{name} under {:?} must work: {error:?}", self.fault)
            });
        };
        let error = match outcome {
            Ok(_) => panic!("{name} under {:?} succeeded", self.fault),
            Err(error) => error,
        };
        assert_eq!(
            error.code, expected,
            "{name} under {:?}: {error}",
            self.fault
        );
        assert!(
            error.to_string().len() > 20,
            "{name}: a sentence, not {error:?}"
        );
        self.assert_no_secret(&error.to_string()).await;
        self.assert_no_secret(&serde_json::to_string(&error).expect("json"))
            .await;
        assert_eq!(
            self.history().await,
            before,
            "{name} under {:?} moved the order",
            self.fault
        );
        step()
            .await
            .unwrap_or_else(|error| panic!("{name} after {:?} cleared: {error:?}", self.fault))
    }

    pub(crate) async fn whole_order(&mut self) {
        let state = &self.state;
        let created = self
            .step("create", || orders::create_order(state, 5500, None))
            .await;
        let handle = created.handle.clone();
        self.handle = Some(handle.clone());
        let this = &*self;
        let (state, handle) = (&this.state, handle.as_str());

        let order = this.step("read", || orders::get_order(state, handle)).await;
        assert_eq!(order.step, FlowStep::Phone);

        let sandbox = this.sandbox();
        this.step("send code", || {
            let token = sandbox.issue_captcha_token();
            async move { orders::send_phone_code(state, handle, PHONE, false, &token).await }
        })
        .await;
        let code = orders::sandbox_latest_code(state, Some(PHONE))
            .await
            .expect("outbox")
            .expect("a code");
        this.step("confirm code", || {
            orders::verify_phone_code(state, handle, PHONE, &code, None)
        })
        .await;
        this.step("payout", || {
            orders::submit_payment(state, handle, ADDRESS, None, None, None)
        })
        .await;

        let order = this.step("read", || orders::get_order(state, handle)).await;
        assert_eq!(order.step, FlowStep::Photos);
        let photo = this.folder_path.join("card.png");
        write_card_photo(&photo);
        for image in &order.required_images {
            photos::prepare_photo(state, handle, image.slot, photo.clone())
                .await
                .expect("prepared");
            // The prepared photo survives a failed upload: the retry needs no new pick.
            this.step(UPLOAD_STEP, || {
                photos::upload_photo(state, handle, image.slot, false, |_| {})
            })
            .await;
        }
        this.step("submit", || orders::submit_for_verification(state, handle))
            .await;

        let (order, change) = this
            .step("status", || orders::get_noting_change(state, handle))
            .await;
        assert_eq!(order.status, "processing", "{:?}", this.fault);
        assert!(change.is_none(), "{:?}", this.fault);
        this.clock.advance(SandboxConfig::default().decision_delay);
        let (order, change) = this
            .step("status", || orders::get_noting_change(state, handle))
            .await;
        assert_eq!(order.status, "approved", "{:?}", this.fault);
        // The status screen's own reads note the decision once, for the notification.
        assert_eq!(
            change.map(|change| change.status).as_deref(),
            Some("approved"),
            "{:?}",
            this.fault
        );
        let listed = vault::list_orders(state).await.expect("history");
        assert_eq!(listed.len(), 1, "one order, kept throughout");
        assert_eq!(listed[0].status, "approved");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn maintenance_at_every_step() {
    FaultRun::start(Fault::Maintenance, Some(ErrorCode::Maintenance), false)
        .await
        .whole_order()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_at_every_step() {
    FaultRun::start(Fault::ServerError, Some(ErrorCode::ServerError), false)
        .await
        .whole_order()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_server_at_every_step() {
    FaultRun::start(Fault::Timeout, Some(ErrorCode::Timeout), false)
        .await
        .whole_order()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_cut_short_at_every_step() {
    FaultRun::start(Fault::CutMidResponse, Some(ErrorCode::Offline), false)
        .await
        .whole_order()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_blocks_at_every_step() {
    FaultRun::start(
        Fault::RateLimited,
        Some(ErrorCode::TemporarilyBlocked),
        false,
    )
    .await
    .whole_order()
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_cut_midway() {
    FaultRun::start(Fault::CutMidUpload, Some(ErrorCode::Offline), true)
        .await
        .whole_order()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn presigns_expired_before_the_upload() {
    FaultRun::start(Fault::PresignExpired, Some(ErrorCode::UploadExpired), true)
        .await
        .whole_order()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_clock_ten_minutes_behind() {
    // Its policies are expired on arrival: the upload fails as expired, and works once the
    // clock is right.
    FaultRun::start(Fault::ClockSkew(-600), Some(ErrorCode::UploadExpired), true)
        .await
        .whole_order()
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_clock_ten_minutes_ahead() {
    // Within what the image store tolerates: every step works with the clock off.
    FaultRun::start(Fault::ClockSkew(600), None, false)
        .await
        .whole_order()
        .await;
}
