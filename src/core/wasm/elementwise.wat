;; The elementwise passes of a step in WebAssembly, for a trainer whose buffers are resident in
;; its arena (../wasm/memory.ts): lists made from a batch's bytes, activations and f′⊙δ with
;; their finiteness checks, softmax with cross-entropy and its δ, and the column sums of ∂L/∂b.
;; Each does exactly what its TypeScript twin does, in the same order, so the numbers agree bit
;; for bit. A module of its own: each stays under the 4 KB a browser compiles synchronously on
;; its main thread. All pointers are byte offsets into the imported memory.
(module
  (memory (import "env" "memory") 1)
  ;; JavaScript's own Math.exp, Math.log and Math.tanh (V8 calls its C functions directly for
  ;; exp and log), so that softmax, cross-entropy, the sigmoid and tanh round exactly as
  ;; ../losses.ts and ../activations/ do.
  (import "env" "exp" (func $exp (param f64) (result f64)))
  (import "env" "log" (func $log (param f64) (result f64)))
  (import "env" "tanh" (func $tanh (param f64) (result f64)))

  ;; The row lists of an m × cols matrix of bytes, each read as byte / 255 (MNIST's pixels),
  ;; as rowListsFromBytesInto in ../sparse.ts: list i holds (k, bytes[i][k] / 255) for the
  ;; nonzero bytes, k increasing; $table holds v / 255 for v = 0 … 255. Sixteen bytes at a
  ;; time: a bit mask of the nonzero ones, walked lowest bit first, so only nonzeros cost
  ;; anything; the last cols mod 16 one at a time. Returns the number of nonzeros.
  (func (export "rowListsFromBytes")
    (param $a i32) (param $m i32) (param $cols i32) (param $ptr i32) (param $index i32) (param $value i32) (param $table i32)
    (result i32)
    (local $i i32) (local $k i32) (local $p i32) (local $b i32) (local $mask i32) (local $bit i32) (local $whole i32)
    (local.set $whole (i32.and (local.get $cols) (i32.const -16)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $m)))
        (i32.store (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 2))) (local.get $p))
        (local.set $k (i32.const 0))
        (block $chunksDone
          (loop $chunks
            (br_if $chunksDone (i32.ge_u (local.get $k) (local.get $whole)))
            (local.set $mask (i8x16.bitmask (i8x16.ne (v128.load (local.get $a)) (v128.const i32x4 0 0 0 0))))
            (block $bitsDone
              (loop $bits
                (br_if $bitsDone (i32.eqz (local.get $mask)))
                (local.set $bit (i32.ctz (local.get $mask)))
                (i32.store (i32.add (local.get $index) (i32.shl (local.get $p) (i32.const 2))) (i32.add (local.get $k) (local.get $bit)))
                (f64.store (i32.add (local.get $value) (i32.shl (local.get $p) (i32.const 3)))
                  (f64.load (i32.add (local.get $table) (i32.shl (i32.load8_u (i32.add (local.get $a) (local.get $bit))) (i32.const 3)))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
                (br $bits)))
            (local.set $a (i32.add (local.get $a) (i32.const 16)))
            (local.set $k (i32.add (local.get $k) (i32.const 16)))
            (br $chunks)))
        (block $restDone
          (loop $rest
            (br_if $restDone (i32.ge_u (local.get $k) (local.get $cols)))
            (local.set $b (i32.load8_u (local.get $a)))
            (i32.store (i32.add (local.get $index) (i32.shl (local.get $p) (i32.const 2))) (local.get $k))
            (f64.store (i32.add (local.get $value) (i32.shl (local.get $p) (i32.const 3)))
              (f64.load (i32.add (local.get $table) (i32.shl (local.get $b) (i32.const 3)))))
            (local.set $p (i32.add (local.get $p) (i32.ne (local.get $b) (i32.const 0))))
            (local.set $a (i32.add (local.get $a) (i32.const 1)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $rest)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (i32.store (i32.add (local.get $ptr) (i32.shl (local.get $m) (i32.const 2))) (local.get $p))
    (local.get $p))

  ;; ---- Elementwise passes fused with their finiteness checks (as ../fused.ts, ../losses.ts,
  ;; ../tensor.ts). A guard sums x·0 over the entries: it stays ±0 exactly when every x is
  ;; finite. $act is ../fused.ts's code: 0 sigmoid, 1 tanh, 2 ReLU, 3 leaky ReLU, 4 identity.

  ;; σ(z) as ../activations/sigmoid.ts computes it: 1 / (1 + e^(−z)) for z ≥ 0, e^z / (1 + e^z) below.
  (func $sigmoid (param $z f64) (result f64) (local $e f64)
    (if (result f64) (f64.ge (local.get $z) (f64.const 0))
      (then (f64.div (f64.const 1) (f64.add (f64.const 1) (call $exp (f64.neg (local.get $z))))))
      (else
        (local.set $e (call $exp (local.get $z)))
        (f64.div (local.get $e) (f64.add (f64.const 1) (local.get $e))))))

  ;; a = f(z) for n entries; returns 1 when every z is finite. ReLU keeps z where z > 0 and
  ;; writes +0 elsewhere (also for NaN), as `z > 0 ? z : 0`; leaky ReLU writes 0.01·z there.
  ;; The sigmoid and tanh one entry at a time, through the imported exp and tanh.
  (func (export "activateChecked") (param $act i32) (param $z i32) (param $a i32) (param $n i32) (result i32)
    (local $end i32) (local $v v128) (local $pos v128) (local $guard v128) (local $slope v128) (local $x f64) (local $g f64)
    (if (i32.lt_u (local.get $act) (i32.const 2))
      (then
        (local.set $end (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 3))))
        (block $smoothDone
          (loop $smooth
            (br_if $smoothDone (i32.ge_u (local.get $z) (local.get $end)))
            (local.set $x (f64.load (local.get $z)))
            (f64.store (local.get $a)
              (if (result f64) (local.get $act) (then (call $tanh (local.get $x))) (else (call $sigmoid (local.get $x)))))
            (local.set $g (f64.add (local.get $g) (f64.mul (local.get $x) (f64.const 0))))
            (local.set $z (i32.add (local.get $z) (i32.const 8)))
            (local.set $a (i32.add (local.get $a) (i32.const 8)))
            (br $smooth)))
        (return (f64.eq (local.get $g) (f64.const 0)))))
    (local.set $slope (f64x2.splat (f64.const 0.01)))
    (local.set $end (i32.add (local.get $z) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $z) (local.get $end)))
        (local.set $v (v128.load (local.get $z)))
        (local.set $pos (f64x2.gt (local.get $v) (v128.const f64x2 0 0)))
        (v128.store (local.get $a)
          (if (result v128) (i32.eq (local.get $act) (i32.const 2))
            (then (v128.and (local.get $v) (local.get $pos)))
            (else (if (result v128) (i32.eq (local.get $act) (i32.const 3))
              (then (v128.bitselect (local.get $v) (f64x2.mul (local.get $slope) (local.get $v)) (local.get $pos)))
              (else (local.get $v))))))
        (local.set $guard (f64x2.add (local.get $guard) (f64x2.mul (local.get $v) (v128.const f64x2 0 0))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $x (f64.load (local.get $z)))
        (f64.store (local.get $a)
          (if (result f64) (i32.eq (local.get $act) (i32.const 2))
            (then (select (local.get $x) (f64.const 0) (f64.gt (local.get $x) (f64.const 0))))
            (else (if (result f64) (i32.eq (local.get $act) (i32.const 3))
              (then (select (local.get $x) (f64.mul (f64.const 0.01) (local.get $x)) (f64.gt (local.get $x) (f64.const 0))))
              (else (local.get $x))))))
        (local.set $g (f64.mul (local.get $x) (f64.const 0)))))
    (f64.eq (f64.add (local.get $g) (f64.add (f64x2.extract_lane 0 (local.get $guard)) (f64x2.extract_lane 1 (local.get $guard))))
      (f64.const 0)))

  ;; f′ of two entries from a = f(z) for the sigmoid and tanh, as fPrime in ../fused.ts: a·(1 − a)
  ;; and 1 − a·a.
  (func $smoothPrime (param $act i32) (param $a v128) (result v128)
    (if (result v128) (local.get $act)
      (then (f64x2.sub (v128.const f64x2 1 1) (f64x2.mul (local.get $a) (local.get $a))))
      (else (f64x2.mul (local.get $a) (f64x2.sub (v128.const f64x2 1 1) (local.get $a))))))

  ;; δ = δ·f′(z) for n entries (a = f(z)): f′ as above for the sigmoid and tanh, and 1 where
  ;; z > 0 and $low (0 for ReLU, 0.01 for leaky ReLU) elsewhere; the identity leaves δ as it is.
  ;; Returns 1 when every new δ is finite.
  (func (export "timesDerivativeChecked") (param $act i32) (param $z i32) (param $a i32) (param $delta i32) (param $n i32) (result i32)
    (local $end i32) (local $d v128) (local $low v128) (local $guard v128) (local $x f64) (local $g f64)
    (local.set $low (f64x2.splat (select (f64.const 0.01) (f64.const 0) (i32.eq (local.get $act) (i32.const 3)))))
    (local.set $end (i32.add (local.get $delta) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $delta) (local.get $end)))
        (local.set $d (v128.load (local.get $delta)))
        (if (i32.ne (local.get $act) (i32.const 4))
          (then
            (local.set $d (f64x2.mul (local.get $d)
              (if (result v128) (i32.lt_u (local.get $act) (i32.const 2))
                (then (call $smoothPrime (local.get $act) (v128.load (local.get $a))))
                (else (v128.bitselect (v128.const f64x2 1 1) (local.get $low) (f64x2.gt (v128.load (local.get $z)) (v128.const f64x2 0 0)))))))
            (v128.store (local.get $delta) (local.get $d))))
        (local.set $guard (f64x2.add (local.get $guard) (f64x2.mul (local.get $d) (v128.const f64x2 0 0))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $delta (i32.add (local.get $delta) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $x (f64.load (local.get $delta)))
        (if (i32.ne (local.get $act) (i32.const 4))
          (then
            (local.set $x (f64.mul (local.get $x)
              (if (result f64) (i32.lt_u (local.get $act) (i32.const 2))
                (then (f64x2.extract_lane 0 (call $smoothPrime (local.get $act) (f64x2.splat (f64.load (local.get $a))))))
                (else (select (f64.const 1) (f64x2.extract_lane 0 (local.get $low)) (f64.gt (f64.load (local.get $z)) (f64.const 0)))))))
            (f64.store (local.get $delta) (local.get $x))))
        (local.set $g (f64.mul (local.get $x) (f64.const 0)))))
    (f64.eq (f64.add (local.get $g) (f64.add (f64x2.extract_lane 0 (local.get $guard)) (f64x2.extract_lane 1 (local.get $guard))))
      (f64.const 0)))

  ;; Softmax and cross-entropy of each of m rows of k logits, as predict and perSample of
  ;; ../losses.ts: y = e^(z − max) / Σ e^(z − max), L = −Σ t·(z − (log Σ e^(z − max) + max)),
  ;; over t ≠ 0. Each e^(z − max) is computed once and serves both.
  (func (export "softmaxCrossEntropy") (param $z i32) (param $t i32) (param $y i32) (param $L i32) (param $m i32) (param $k i32)
    (local $i i32) (local $j i32) (local $rowBytes i32) (local $max f64) (local $sum f64) (local $e f64) (local $logSum f64) (local $li f64) (local $tj f64)
    (local.set $rowBytes (i32.shl (local.get $k) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $max (f64.const -inf))
        (local.set $j (i32.const 0))
        (block $d1 (loop $l1
          (br_if $d1 (i32.ge_u (local.get $j) (local.get $rowBytes)))
          (local.set $max (f64.max (local.get $max) (f64.load (i32.add (local.get $z) (local.get $j)))))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $l1)))
        (local.set $sum (f64.const 0))
        (local.set $j (i32.const 0))
        (block $d2 (loop $l2
          (br_if $d2 (i32.ge_u (local.get $j) (local.get $rowBytes)))
          (local.set $e (call $exp (f64.sub (f64.load (i32.add (local.get $z) (local.get $j))) (local.get $max))))
          (f64.store (i32.add (local.get $y) (local.get $j)) (local.get $e))
          (local.set $sum (f64.add (local.get $sum) (local.get $e)))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $l2)))
        (local.set $j (i32.const 0))
        (block $d3 (loop $l3
          (br_if $d3 (i32.ge_u (local.get $j) (local.get $rowBytes)))
          (f64.store (i32.add (local.get $y) (local.get $j)) (f64.div (f64.load (i32.add (local.get $y) (local.get $j))) (local.get $sum)))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $l3)))
        (local.set $logSum (f64.add (call $log (local.get $sum)) (local.get $max)))
        (local.set $li (f64.const 0))
        (local.set $j (i32.const 0))
        (block $d4 (loop $l4
          (br_if $d4 (i32.ge_u (local.get $j) (local.get $rowBytes)))
          (local.set $tj (f64.load (i32.add (local.get $t) (local.get $j))))
          (if (f64.ne (local.get $tj) (f64.const 0))
            (then (local.set $li (f64.sub (local.get $li)
              (f64.mul (local.get $tj) (f64.sub (f64.load (i32.add (local.get $z) (local.get $j))) (local.get $logSum)))))))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $l4)))
        (f64.store (i32.add (local.get $L) (i32.shl (local.get $i) (i32.const 3))) (local.get $li))
        (local.set $z (i32.add (local.get $z) (local.get $rowBytes)))
        (local.set $t (i32.add (local.get $t) (local.get $rowBytes)))
        (local.set $y (i32.add (local.get $y) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))

  ;; δ = y·Σₖ tₖ − t row by row, as outputDelta of softmax cross-entropy; returns 1 when every δ is finite.
  (func (export "softmaxDeltaChecked") (param $y i32) (param $t i32) (param $delta i32) (param $m i32) (param $k i32) (result i32)
    (local $i i32) (local $j i32) (local $rowBytes i32) (local $tSum f64) (local $d f64) (local $guard f64)
    (local.set $rowBytes (i32.shl (local.get $k) (i32.const 3)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $tSum (f64.const 0))
        (local.set $j (i32.const 0))
        (block $d1 (loop $l1
          (br_if $d1 (i32.ge_u (local.get $j) (local.get $rowBytes)))
          (local.set $tSum (f64.add (local.get $tSum) (f64.load (i32.add (local.get $t) (local.get $j)))))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $l1)))
        (local.set $j (i32.const 0))
        (block $d2 (loop $l2
          (br_if $d2 (i32.ge_u (local.get $j) (local.get $rowBytes)))
          (local.set $d (f64.sub (f64.mul (f64.load (i32.add (local.get $y) (local.get $j))) (local.get $tSum))
            (f64.load (i32.add (local.get $t) (local.get $j)))))
          (f64.store (i32.add (local.get $delta) (local.get $j)) (local.get $d))
          (local.set $guard (f64.add (local.get $guard) (f64.mul (local.get $d) (f64.const 0))))
          (local.set $j (i32.add (local.get $j) (i32.const 8)))
          (br $l2)))
        (local.set $y (i32.add (local.get $y) (local.get $rowBytes)))
        (local.set $t (i32.add (local.get $t) (local.get $rowBytes)))
        (local.set $delta (i32.add (local.get $delta) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (f64.eq (local.get $guard) (f64.const 0)))

  ;; out[j] = Σᵢ d[i][j] over the m rows in order, then times scale unless it is 1: as
  ;; columnSumsInto in ../tensor.ts (∂L/∂b = (1/m)·Σᵢ δᵢ). Two columns at a time.
  (func (export "columnSums") (param $d i32) (param $m i32) (param $q i32) (param $scale f64) (param $out i32)
    (local $i i32) (local $j i32) (local $rowBytes i32) (local $pairBytes i32) (local $at i32) (local $s v128) (local $x f64)
    (local.set $rowBytes (i32.shl (local.get $q) (i32.const 3)))
    (local.set $pairBytes (i32.shl (i32.and (local.get $q) (i32.const -2)) (i32.const 3)))
    (block $pairsDone (loop $pairs
      (br_if $pairsDone (i32.ge_u (local.get $j) (local.get $pairBytes)))
      (local.set $s (v128.const f64x2 0 0))
      (local.set $at (i32.add (local.get $d) (local.get $j)))
      (local.set $i (i32.const 0))
      (block $rowsDone (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $s (f64x2.add (local.get $s) (v128.load (local.get $at))))
        (local.set $at (i32.add (local.get $at) (local.get $rowBytes)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
      (if (f64.ne (local.get $scale) (f64.const 1)) (then (local.set $s (f64x2.mul (local.get $s) (f64x2.splat (local.get $scale))))))
      (v128.store (i32.add (local.get $out) (local.get $j)) (local.get $s))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br $pairs)))
    (if (i32.and (local.get $q) (i32.const 1))
      (then
        (local.set $x (f64.const 0))
        (local.set $at (i32.add (local.get $d) (local.get $j)))
        (local.set $i (i32.const 0))
        (block $rowsDone1 (loop $rows1
          (br_if $rowsDone1 (i32.ge_u (local.get $i) (local.get $m)))
          (local.set $x (f64.add (local.get $x) (f64.load (local.get $at))))
          (local.set $at (i32.add (local.get $at) (local.get $rowBytes)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $rows1)))
        (if (f64.ne (local.get $scale) (f64.const 1)) (then (local.set $x (f64.mul (local.get $x) (local.get $scale)))))
        (f64.store (i32.add (local.get $out) (local.get $j)) (local.get $x)))))
)
