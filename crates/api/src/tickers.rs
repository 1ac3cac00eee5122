use crate::client::ApiClient;
use crate::error::ApiError;
use crate::types::Tickers;

impl ApiClient {
    /// Get All Tickers: the current prices, fees included. Repeated after transient failures.
    #[tracing::instrument(skip_all)]
    pub async fn get_tickers(&self) -> Result<Tickers, ApiError> {
        self.get_data::<Tickers>("get_tickers", self.endpoint(&["tickers"]), None)
            .await
    }
}
