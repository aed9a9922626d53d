//! Parallel, ordered, bounded: the map that lets a build run at the speed of the store.
//!
//! In: items, a `work` function run on `threads` worker threads (a rayon pool), and a
//! `consume` function run on the calling thread. Out: `consume(i, work(&items[i]))` for
//! i = 0, 1, 2 … in input order, whatever order the workers finish in, so output is as
//! deterministic as `work` is. Guarantees: items are started in order, and an item is
//! started only while fewer than `window` results are started but not yet consumed, so
//! memory is bounded by the window, never by the number of items; the caller consumes
//! while the workers extract (even with one worker thread). An error from `consume`
//! stops the workers from starting new items and is returned once the started ones end.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

/// The number of worker threads to use when the user names none: one per core.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Runs `work` on every item on `threads` threads and hands the results to `consume` in
/// input order, with at most `window` results alive at once (see the module doc).
pub fn ordered<I, T, E>(
    items: &[I],
    threads: usize,
    window: usize,
    work: impl Fn(&I) -> T + Sync,
    mut consume: impl FnMut(usize, T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    T: Send,
{
    if items.is_empty() {
        return Ok(());
    }
    let threads = threads.clamp(1, items.len());
    let window = window.max(threads);
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // the number of results consumed so far, for the window
    let consumed = Mutex::new(0usize);
    let room = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("diplograph-extract-{i}"))
        .build()
        .expect("the operating system can start worker threads");
    let stopped = |stop: &AtomicBool| stop.load(Ordering::SeqCst);
    pool.in_place_scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, stop, consumed, room, work) = (&next, &stop, &consumed, &room, &work);
            scope.spawn(move |_| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    if i >= items.len() || stopped(stop) {
                        return;
                    }
                    {
                        let mut done = consumed.lock().unwrap_or_else(|e| e.into_inner());
                        while i >= *done + window && !stopped(stop) {
                            done = room.wait(done).unwrap_or_else(|e| e.into_inner());
                        }
                    }
                    if stopped(stop) {
                        return;
                    }
                    if tx.send((i, work(&items[i]))).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut pending: BTreeMap<usize, T> = BTreeMap::new();
        let mut want = 0;
        let mut result = Ok(());
        for (i, out) in rx.iter() {
            pending.insert(i, out);
            while let Some(out) = pending.remove(&want) {
                if result.is_ok() {
                    result = consume(want, out);
                    if result.is_err() {
                        stop.store(true, Ordering::SeqCst);
                    }
                }
                want += 1;
                *consumed.lock().unwrap_or_else(|e| e.into_inner()) = want;
                room.notify_all();
            }
            if result.is_err() {
                // wake the workers waiting for room so that they see the stop
                let _guard = consumed.lock().unwrap_or_else(|e| e.into_inner());
                room.notify_all();
            }
        }
        result
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish_in() {
        let items: Vec<u64> = (0..200).collect();
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            ordered(
                &items,
                threads,
                3,
                |&n| {
                    // later items finish first
                    std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
                    n * 2
                },
                |i, v| -> Result<(), ()> {
                    seen.push((i, v));
                    Ok(())
                },
            )
            .unwrap();
            let expected: Vec<(usize, u64)> = (0..200).map(|n| (n as usize, n * 2)).collect();
            assert_eq!(seen, expected, "{threads} threads");
        }
    }

    #[test]
    fn no_more_than_the_window_is_alive_at_once() {
        let items: Vec<usize> = (0..100).collect();
        let alive = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        ordered(
            &items,
            4,
            5,
            |&n| {
                let now = alive.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_micros(
                    ((n * 37) % 11) as u64 * 50,
                ));
                n
            },
            |_, _| -> Result<(), ()> {
                alive.fetch_sub(1, Ordering::SeqCst);
                Ok(())
            },
        )
        .unwrap();
        assert!(
            most.load(Ordering::SeqCst) <= 5,
            "{}",
            most.load(Ordering::SeqCst)
        );
    }

    #[test]
    fn an_error_stops_the_work_and_is_returned() {
        let items: Vec<usize> = (0..10_000).collect();
        let started = AtomicUsize::new(0);
        let result = ordered(
            &items,
            2,
            4,
            |&n| {
                started.fetch_add(1, Ordering::SeqCst);
                n
            },
            |i, _| {
                if i == 10 {
                    Err(format!("item {i}"))
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(result, Err("item 10".to_string()));
        assert!(
            started.load(Ordering::SeqCst) < 100,
            "{} items were started after the error",
            started.load(Ordering::SeqCst)
        );
    }
}
