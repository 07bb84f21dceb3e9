//! claims-axum under load: 1,000 requests over 50 concurrent keep-alive connections to a real server,
//! each answered correctly, none dropped, all within a bound.

mod axum_app;

use std::time::Duration;

use axum_app::{APP, ada, client, me_json, minter, now, spawn, token_from, valid_token};
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, COOKIE};
use serde_json::Value;
use tokio::task::JoinSet;

const CONNECTIONS: usize = 50;
const REQUESTS_PER_CONNECTION: usize = 20;

/// What one request sends, and what it must get back.
#[derive(Clone, Copy)]
enum Case {
    Bearer,
    Cookie,
    Expired,
    Anonymous,
}

const CASES: [Case; 4] = [Case::Bearer, Case::Cookie, Case::Expired, Case::Anonymous];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_requests_over_fifty_connections_are_all_answered_correctly() {
    let server = spawn().await;
    let good = valid_token();
    let expired = token_from(&minter(), now() - 7200, APP, ada());
    let expected_me = me_json(&ada());

    let mut clients = JoinSet::new();
    for connection in 0..CONNECTIONS {
        // One client per connection: its requests run one after another on one keep-alive connection.
        let client = client();
        let (me, hello) = (server.url("/me"), server.url("/hello"));
        let (good, expired, expected_me) = (good.clone(), expired.clone(), expected_me.clone());
        clients.spawn(async move {
            let mut correct = 0;
            for i in 0..REQUESTS_PER_CONNECTION {
                let case = CASES[(connection + i) % CASES.len()];
                let request = match case {
                    Case::Bearer => client
                        .get(&me)
                        .header(AUTHORIZATION, format!("Bearer {good}")),
                    Case::Cookie => client.get(&me).header(COOKIE, format!("__session={good}")),
                    Case::Expired => client
                        .get(&me)
                        .header(AUTHORIZATION, format!("Bearer {expired}")),
                    Case::Anonymous => client.get(&hello),
                };
                let response = request.send().await.expect("every request is answered");
                let status = response.status();
                let ok = match case {
                    Case::Bearer | Case::Cookie => {
                        status == StatusCode::OK
                            && response.json::<Value>().await.ok() == Some(expected_me.clone())
                    }
                    Case::Expired => {
                        let body: Option<Value> = response.json().await.ok();
                        status == StatusCode::UNAUTHORIZED
                            && body.is_some_and(|b| b["reason"] == "expired")
                    }
                    Case::Anonymous => {
                        status == StatusCode::OK
                            && response.text().await.ok().as_deref() == Some("anonymous")
                    }
                };
                correct += usize::from(ok);
            }
            correct
        });
    }

    let all = async {
        let mut correct = 0;
        while let Some(result) = clients.join_next().await {
            correct += result.expect("no client task panicked");
        }
        correct
    };
    let correct = tokio::time::timeout(Duration::from_secs(120), all)
        .await
        .expect("1,000 requests within two minutes");

    let total = CONNECTIONS * REQUESTS_PER_CONNECTION;
    assert_eq!(correct, total);
    assert_eq!(server.answered(), total);
    assert_eq!(server.connections(), CONNECTIONS);
}
