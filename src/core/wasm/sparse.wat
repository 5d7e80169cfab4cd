;; The lab's hot loops in WebAssembly with 128-bit SIMD: building the lists of a matrix's
;; nonzero entries, "sparse lists times a dense matrix", max |x| and the SGD step. Each does
;; exactly what its namesake in ../sparse.ts, ../tensor.ts or ../optimizers.ts does, in the
;; same order, so the numbers agree bit for bit.
;;
;; sparseTimesDense:
;;
;;   out[r][j] = scale · (init[j] + Σ_{p in list r} value[p] · M[index[p]][j])
;;
;; Each lane of an f64x2 is one output column j, summed in increasing list order with a
;; multiply and then an add (no fused multiply-add), so every output rounds exactly as the
;; TypeScript loop's `s += v * m` does and the two agree bit for bit.
;;
;; All pointers are byte offsets into the imported memory; the caller (kernel.ts) copies the
;; operands in and the result out. Layout: ptr is Int32 (count + 1 entries), index Int32,
;; value, M (row-major, n columns), init (n entries; zeros for "no init") and out Float64.
;;
;; Columns go in groups of up to eighteen (up to nine f64x2 sums held in locals, i.e.
;; registers), then two at a time, then one; each group walks the row's list once.
(module
  (memory (import "env" "memory") 1)
  ;; JavaScript's own Math.exp and Math.log (V8 calls its C functions directly for these
  ;; imports), so that softmax and cross-entropy round exactly as ../losses.ts does.
  (import "env" "exp" (func $exp (param f64) (result f64)))
  (import "env" "log" (func $log (param f64) (result f64)))

  (func (export "sparseTimesDense")
    (param $count i32) (param $ptr i32) (param $index i32) (param $value i32)
    (param $M i32) (param $n i32) (param $init i32) (param $out i32) (param $scale f64)
    (local $r i32)        ;; list (output row) number
    (local $j i32)        ;; first column of the current group
    (local $rowBytes i32) ;; 8·n: bytes in a row of M and of out
    (local $outRow i32)   ;; address of out[r][0]
    (local $first i32)    ;; entries first .. last−1 belong to list r
    (local $last i32)
    (local $pIdx i32)     ;; address of index[p]
    (local $pVal i32)     ;; address of value[p]
    (local $end i32)      ;; address of index[last]
    (local $col i32)      ;; address of M[0][j]
    (local $at i32)       ;; address of M[index[p]][j], or of init[j] / out[r][j]
    (local $v v128)       ;; value[p] in both lanes
    (local $s v128)       ;; scale in both lanes
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128) (local $a8 v128)
    (local $x f64)
    (local.set $rowBytes (i32.shl (local.get $n) (i32.const 3)))
    (local.set $s (f64x2.splat (local.get $scale)))
    (local.set $outRow (local.get $out))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $count)))
        (local.set $first (i32.load (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $last (i32.load offset=4 (i32.add (local.get $ptr) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $end (i32.add (local.get $index) (i32.shl (local.get $last) (i32.const 2))))
        (local.set $j (i32.const 0))

        ;; Sixteen columns at a time; when exactly eighteen are left, all eighteen at once (so
        ;; n = 50 takes three walks of the list, not four).
        (block $done16
          (loop $cols16
            (if (i32.eq (i32.sub (local.get $n) (local.get $j)) (i32.const 18))
              (then
            (local.set $at (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $a0 (v128.load offset=0 (local.get $at)))
            (local.set $a1 (v128.load offset=16 (local.get $at)))
            (local.set $a2 (v128.load offset=32 (local.get $at)))
            (local.set $a3 (v128.load offset=48 (local.get $at)))
            (local.set $a4 (v128.load offset=64 (local.get $at)))
            (local.set $a5 (v128.load offset=80 (local.get $at)))
            (local.set $a6 (v128.load offset=96 (local.get $at)))
            (local.set $a7 (v128.load offset=112 (local.get $at)))
            (local.set $a8 (v128.load offset=128 (local.get $at)))
            (local.set $col (i32.add (local.get $M) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $pIdx (i32.add (local.get $index) (i32.shl (local.get $first) (i32.const 2))))
            (local.set $pVal (i32.add (local.get $value) (i32.shl (local.get $first) (i32.const 3))))
            (block $listDone18
              (loop $list18
                (br_if $listDone18 (i32.ge_u (local.get $pIdx) (local.get $end)))
                (local.set $v (v128.load64_splat (local.get $pVal)))
                (local.set $at (i32.add (local.get $col) (i32.mul (i32.load (local.get $pIdx)) (local.get $rowBytes))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $at)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $at)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $at)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $at)))))
                (local.set $a4 (f64x2.add (local.get $a4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $at)))))
                (local.set $a5 (f64x2.add (local.get $a5) (f64x2.mul (local.get $v) (v128.load offset=80 (local.get $at)))))
                (local.set $a6 (f64x2.add (local.get $a6) (f64x2.mul (local.get $v) (v128.load offset=96 (local.get $at)))))
                (local.set $a7 (f64x2.add (local.get $a7) (f64x2.mul (local.get $v) (v128.load offset=112 (local.get $at)))))
                (local.set $a8 (f64x2.add (local.get $a8) (f64x2.mul (local.get $v) (v128.load offset=128 (local.get $at)))))
                (local.set $pIdx (i32.add (local.get $pIdx) (i32.const 4)))
                (local.set $pVal (i32.add (local.get $pVal) (i32.const 8)))
                (br $list18)))
            (local.set $at (i32.add (local.get $outRow) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store offset=0 (local.get $at) (f64x2.mul (local.get $a0) (local.get $s)))
            (v128.store offset=16 (local.get $at) (f64x2.mul (local.get $a1) (local.get $s)))
            (v128.store offset=32 (local.get $at) (f64x2.mul (local.get $a2) (local.get $s)))
            (v128.store offset=48 (local.get $at) (f64x2.mul (local.get $a3) (local.get $s)))
            (v128.store offset=64 (local.get $at) (f64x2.mul (local.get $a4) (local.get $s)))
            (v128.store offset=80 (local.get $at) (f64x2.mul (local.get $a5) (local.get $s)))
            (v128.store offset=96 (local.get $at) (f64x2.mul (local.get $a6) (local.get $s)))
            (v128.store offset=112 (local.get $at) (f64x2.mul (local.get $a7) (local.get $s)))
            (v128.store offset=128 (local.get $at) (f64x2.mul (local.get $a8) (local.get $s)))
            (local.set $j (i32.add (local.get $j) (i32.const 18)))
                (br $done16)))
            (br_if $done16 (i32.gt_u (i32.add (local.get $j) (i32.const 16)) (local.get $n)))
            (local.set $at (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $a0 (v128.load offset=0 (local.get $at)))
            (local.set $a1 (v128.load offset=16 (local.get $at)))
            (local.set $a2 (v128.load offset=32 (local.get $at)))
            (local.set $a3 (v128.load offset=48 (local.get $at)))
            (local.set $a4 (v128.load offset=64 (local.get $at)))
            (local.set $a5 (v128.load offset=80 (local.get $at)))
            (local.set $a6 (v128.load offset=96 (local.get $at)))
            (local.set $a7 (v128.load offset=112 (local.get $at)))
            (local.set $col (i32.add (local.get $M) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $pIdx (i32.add (local.get $index) (i32.shl (local.get $first) (i32.const 2))))
            (local.set $pVal (i32.add (local.get $value) (i32.shl (local.get $first) (i32.const 3))))
            (block $listDone16
              (loop $list16
                (br_if $listDone16 (i32.ge_u (local.get $pIdx) (local.get $end)))
                (local.set $v (v128.load64_splat (local.get $pVal)))
                (local.set $at (i32.add (local.get $col) (i32.mul (i32.load (local.get $pIdx)) (local.get $rowBytes))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $at)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $at)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $at)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $at)))))
                (local.set $a4 (f64x2.add (local.get $a4) (f64x2.mul (local.get $v) (v128.load offset=64 (local.get $at)))))
                (local.set $a5 (f64x2.add (local.get $a5) (f64x2.mul (local.get $v) (v128.load offset=80 (local.get $at)))))
                (local.set $a6 (f64x2.add (local.get $a6) (f64x2.mul (local.get $v) (v128.load offset=96 (local.get $at)))))
                (local.set $a7 (f64x2.add (local.get $a7) (f64x2.mul (local.get $v) (v128.load offset=112 (local.get $at)))))
                (local.set $pIdx (i32.add (local.get $pIdx) (i32.const 4)))
                (local.set $pVal (i32.add (local.get $pVal) (i32.const 8)))
                (br $list16)))
            (local.set $at (i32.add (local.get $outRow) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store offset=0 (local.get $at) (f64x2.mul (local.get $a0) (local.get $s)))
            (v128.store offset=16 (local.get $at) (f64x2.mul (local.get $a1) (local.get $s)))
            (v128.store offset=32 (local.get $at) (f64x2.mul (local.get $a2) (local.get $s)))
            (v128.store offset=48 (local.get $at) (f64x2.mul (local.get $a3) (local.get $s)))
            (v128.store offset=64 (local.get $at) (f64x2.mul (local.get $a4) (local.get $s)))
            (v128.store offset=80 (local.get $at) (f64x2.mul (local.get $a5) (local.get $s)))
            (v128.store offset=96 (local.get $at) (f64x2.mul (local.get $a6) (local.get $s)))
            (v128.store offset=112 (local.get $at) (f64x2.mul (local.get $a7) (local.get $s)))
            (local.set $j (i32.add (local.get $j) (i32.const 16)))
            (br $cols16)))

        ;; then eight columns if that many are left
        (if (i32.le_u (i32.add (local.get $j) (i32.const 8)) (local.get $n))
          (then
            (local.set $at (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $a0 (v128.load offset=0 (local.get $at)))
            (local.set $a1 (v128.load offset=16 (local.get $at)))
            (local.set $a2 (v128.load offset=32 (local.get $at)))
            (local.set $a3 (v128.load offset=48 (local.get $at)))
            (local.set $col (i32.add (local.get $M) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $pIdx (i32.add (local.get $index) (i32.shl (local.get $first) (i32.const 2))))
            (local.set $pVal (i32.add (local.get $value) (i32.shl (local.get $first) (i32.const 3))))
            (block $listDone8
              (loop $list8
                (br_if $listDone8 (i32.ge_u (local.get $pIdx) (local.get $end)))
                (local.set $v (v128.load64_splat (local.get $pVal)))
                (local.set $at (i32.add (local.get $col) (i32.mul (i32.load (local.get $pIdx)) (local.get $rowBytes))))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load offset=0 (local.get $at)))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $at)))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (v128.load offset=32 (local.get $at)))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (v128.load offset=48 (local.get $at)))))
                (local.set $pIdx (i32.add (local.get $pIdx) (i32.const 4)))
                (local.set $pVal (i32.add (local.get $pVal) (i32.const 8)))
                (br $list8)))
            (local.set $at (i32.add (local.get $outRow) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store offset=0 (local.get $at) (f64x2.mul (local.get $a0) (local.get $s)))
            (v128.store offset=16 (local.get $at) (f64x2.mul (local.get $a1) (local.get $s)))
            (v128.store offset=32 (local.get $at) (f64x2.mul (local.get $a2) (local.get $s)))
            (v128.store offset=48 (local.get $at) (f64x2.mul (local.get $a3) (local.get $s)))
            (local.set $j (i32.add (local.get $j) (i32.const 8)))))

        ;; two columns at a time
        (block $done2
          (loop $cols2
            (br_if $done2 (i32.gt_u (i32.add (local.get $j) (i32.const 2)) (local.get $n)))
            (local.set $a0 (v128.load (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $col (i32.add (local.get $M) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $pIdx (i32.add (local.get $index) (i32.shl (local.get $first) (i32.const 2))))
            (local.set $pVal (i32.add (local.get $value) (i32.shl (local.get $first) (i32.const 3))))
            (block $listDone2
              (loop $list2
                (br_if $listDone2 (i32.ge_u (local.get $pIdx) (local.get $end)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul
                  (v128.load64_splat (local.get $pVal))
                  (v128.load (i32.add (local.get $col) (i32.mul (i32.load (local.get $pIdx)) (local.get $rowBytes)))))))
                (local.set $pIdx (i32.add (local.get $pIdx) (i32.const 4)))
                (local.set $pVal (i32.add (local.get $pVal) (i32.const 8)))
                (br $list2)))
            (v128.store (i32.add (local.get $outRow) (i32.shl (local.get $j) (i32.const 3)))
              (f64x2.mul (local.get $a0) (local.get $s)))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $cols2)))

        ;; the last column when n is odd
        (if (i32.lt_u (local.get $j) (local.get $n))
          (then
            (local.set $x (f64.load (i32.add (local.get $init) (i32.shl (local.get $j) (i32.const 3)))))
            (local.set $col (i32.add (local.get $M) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $pIdx (i32.add (local.get $index) (i32.shl (local.get $first) (i32.const 2))))
            (local.set $pVal (i32.add (local.get $value) (i32.shl (local.get $first) (i32.const 3))))
            (block $listDone1
              (loop $list1
                (br_if $listDone1 (i32.ge_u (local.get $pIdx) (local.get $end)))
                (local.set $x (f64.add (local.get $x) (f64.mul
                  (f64.load (local.get $pVal))
                  (f64.load (i32.add (local.get $col) (i32.mul (i32.load (local.get $pIdx)) (local.get $rowBytes)))))))
                (local.set $pIdx (i32.add (local.get $pIdx) (i32.const 4)))
                (local.set $pVal (i32.add (local.get $pVal) (i32.const 8)))
                (br $list1)))
            (f64.store (i32.add (local.get $outRow) (i32.shl (local.get $j) (i32.const 3)))
              (f64.mul (local.get $x) (local.get $scale)))))

        (local.set $outRow (i32.add (local.get $outRow) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br $rows))))

  ;; The nonzeros of each row of the m × cols matrix at $a: list i holds (k, a[i][k]) for
  ;; increasing k. A row goes eight entries at a time: eight whose bits are all zero are passed
  ;; over at once (images are mostly blank); otherwise, and for the last cols mod 8 entries,
  ;; every entry is written and the cursor advances only past nonzeros (v ≠ 0 is true for NaN and
  ;; false for −0, as `v !== 0` in TypeScript), with no branch to mispredict. index and value
  ;; need room for m·cols entries. Returns the number of nonzeros.
  (func (export "rowLists")
    (param $a i32) (param $m i32) (param $cols i32) (param $ptr i32) (param $index i32) (param $value i32)
    (result i32)
    (local $i i32) (local $k i32) (local $p i32) (local $v f64) (local $chunkEnd i32)
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $m)))
        (i32.store (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 2))) (local.get $p))
        (local.set $k (i32.const 0))
        (block $rowDone
          (loop $chunks
            (br_if $rowDone (i32.ge_u (local.get $k) (local.get $cols)))
            (local.set $chunkEnd (i32.add (local.get $k) (i32.const 8)))
            (if (i32.gt_u (local.get $chunkEnd) (local.get $cols))
              (then (local.set $chunkEnd (local.get $cols)))
              (else
                (if (i32.eqz (v128.any_true (v128.or
                      (v128.or (v128.load offset=0 (local.get $a)) (v128.load offset=16 (local.get $a)))
                      (v128.or (v128.load offset=32 (local.get $a)) (v128.load offset=48 (local.get $a))))))
                  (then
                    (local.set $a (i32.add (local.get $a) (i32.const 64)))
                    (local.set $k (local.get $chunkEnd))
                    (br $chunks)))))
            (loop $entries
              (local.set $v (f64.load (local.get $a)))
              (i32.store (i32.add (local.get $index) (i32.shl (local.get $p) (i32.const 2))) (local.get $k))
              (f64.store (i32.add (local.get $value) (i32.shl (local.get $p) (i32.const 3))) (local.get $v))
              (local.set $p (i32.add (local.get $p) (f64.ne (local.get $v) (f64.const 0))))
              (local.set $a (i32.add (local.get $a) (i32.const 8)))
              (local.set $k (i32.add (local.get $k) (i32.const 1)))
              (br_if $entries (i32.lt_u (local.get $k) (local.get $chunkEnd))))
            (br $chunks)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (i32.store (i32.add (local.get $ptr) (i32.shl (local.get $m) (i32.const 2))) (local.get $p))
    (local.get $p))

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

  ;; The column lists of the same matrix from its m row lists, by counting sort: list k holds
  ;; (i, a[i][k]) for increasing i. ptr (cols + 1 entries) must come in zeroed.
  (func (export "columnLists")
    (param $rowPtr i32) (param $rowIndex i32) (param $rowValue i32) (param $m i32) (param $cols i32)
    (param $ptr i32) (param $index i32) (param $value i32)
    (local $nnz i32) (local $p i32) (local $i i32) (local $end i32) (local $k i32) (local $q i32) (local $at i32)
    (local.set $nnz (i32.load (i32.add (local.get $rowPtr) (i32.shl (local.get $m) (i32.const 2)))))
    ;; count list k's entries in ptr[k + 1]
    (block $countDone
      (loop $count
        (br_if $countDone (i32.ge_u (local.get $p) (local.get $nnz)))
        (local.set $at (i32.add (local.get $ptr)
          (i32.shl (i32.load (i32.add (local.get $rowIndex) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
        (i32.store offset=4 (local.get $at) (i32.add (i32.load offset=4 (local.get $at)) (i32.const 1)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $count)))
    ;; ptr[k] becomes where list k starts
    (local.set $k (i32.const 0))
    (block $sumDone
      (loop $sum
        (br_if $sumDone (i32.ge_u (local.get $k) (local.get $cols)))
        (local.set $at (i32.add (local.get $ptr) (i32.shl (local.get $k) (i32.const 2))))
        (i32.store offset=4 (local.get $at) (i32.add (i32.load offset=4 (local.get $at)) (i32.load (local.get $at))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $sum)))
    ;; walk the rows in order, using ptr[k] as list k's write cursor; afterwards ptr[k] is where
    ;; list k ends, i.e. where list k + 1 starts
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $p (i32.load (i32.add (local.get $rowPtr) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $end (i32.load offset=4 (i32.add (local.get $rowPtr) (i32.shl (local.get $i) (i32.const 2)))))
        (block $listDone
          (loop $list
            (br_if $listDone (i32.ge_u (local.get $p) (local.get $end)))
            (local.set $at (i32.add (local.get $ptr)
              (i32.shl (i32.load (i32.add (local.get $rowIndex) (i32.shl (local.get $p) (i32.const 2)))) (i32.const 2))))
            (local.set $q (i32.load (local.get $at)))
            (i32.store (local.get $at) (i32.add (local.get $q) (i32.const 1)))
            (i32.store (i32.add (local.get $index) (i32.shl (local.get $q) (i32.const 2))) (local.get $i))
            (f64.store (i32.add (local.get $value) (i32.shl (local.get $q) (i32.const 3)))
              (f64.load (i32.add (local.get $rowValue) (i32.shl (local.get $p) (i32.const 3)))))
            (local.set $p (i32.add (local.get $p) (i32.const 1)))
            (br $list)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    ;; shift the ends back into starts
    (local.set $k (local.get $cols))
    (block $shiftDone
      (loop $shift
        (br_if $shiftDone (i32.eqz (local.get $k)))
        (local.set $at (i32.add (local.get $ptr) (i32.shl (local.get $k) (i32.const 2))))
        (i32.store (local.get $at) (i32.load (i32.sub (local.get $at) (i32.const 4))))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $shift)))
    (i32.store (local.get $ptr) (i32.const 0)))

  ;; max |x[s]| over n entries (0 when n = 0), or NaN when some entry is NaN or ±Infinity:
  ;; as maxAbs in ../tensor.ts. f64x2.pmax (b if a < b, else a: one machine instruction) skips
  ;; NaN, so NaN is watched for separately (x ≠ x); ±Infinity shows as a maximum of Infinity.
  ;; Two running maxima, so that consecutive pairs do not wait on each other.
  (func $maxAbs (export "maxAbs") (param $x i32) (param $n i32) (result f64)
    (local $end i32) (local $max0 v128) (local $max1 v128) (local $nan v128) (local $v v128) (local $w v128) (local $m f64)
    (local.set $end (i32.add (local.get $x) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 3))))
    (block $quadsDone
      (loop $quads
        (br_if $quadsDone (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $v (v128.load offset=0 (local.get $x)))
        (local.set $w (v128.load offset=16 (local.get $x)))
        (local.set $max0 (f64x2.pmax (local.get $max0) (f64x2.abs (local.get $v))))
        (local.set $max1 (f64x2.pmax (local.get $max1) (f64x2.abs (local.get $w))))
        (local.set $nan (v128.or (local.get $nan) (v128.or (f64x2.ne (local.get $v) (local.get $v)) (f64x2.ne (local.get $w) (local.get $w)))))
        (local.set $x (i32.add (local.get $x) (i32.const 32)))
        (br $quads)))
    (local.set $max0 (f64x2.pmax (local.get $max0) (local.get $max1)))
    (local.set $m (f64.max (f64x2.extract_lane 0 (local.get $max0)) (f64x2.extract_lane 1 (local.get $max0))))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 3))))
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $m (f64.max (local.get $m) (f64.abs (f64.load (local.get $x)))))
        (local.set $x (i32.add (local.get $x) (i32.const 8)))
        (br $rest)))
    (if (result f64) (i32.or (v128.any_true (local.get $nan)) (f64.ne (local.get $m) (local.get $m)))
      (then (f64.const nan))
      (else (select (f64.const nan) (local.get $m) (f64.eq (local.get $m) (f64.const inf))))))

  ;; One SGD step on n parameters, in place: update[s] = −η·g[s], θ[s] = θ[s] + update[s],
  ;; as sgdStepInPlace in ../optimizers.ts. Returns max |θ| afterwards.
  (func (export "sgdStep") (param $theta i32) (param $g i32) (param $update i32) (param $n i32) (param $eta f64) (result f64)
    (local $t i32) (local $end i32) (local $minusEta v128) (local $u v128) (local $x f64)
    (local.set $minusEta (f64x2.splat (f64.neg (local.get $eta))))
    (local.set $t (local.get $theta))
    (local.set $end (i32.add (local.get $theta) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $t) (local.get $end)))
        (local.set $u (f64x2.mul (local.get $minusEta) (v128.load (local.get $g))))
        (v128.store (local.get $update) (local.get $u))
        (v128.store (local.get $t) (f64x2.add (v128.load (local.get $t)) (local.get $u)))
        (local.set $t (i32.add (local.get $t) (i32.const 16)))
        (local.set $g (i32.add (local.get $g) (i32.const 16)))
        (local.set $update (i32.add (local.get $update) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $x (f64.mul (f64.neg (local.get $eta)) (f64.load (local.get $g))))
        (f64.store (local.get $update) (local.get $x))
        (f64.store (local.get $t) (f64.add (f64.load (local.get $t)) (local.get $x)))))
    (call $maxAbs (local.get $theta) (local.get $n)))

  ;; ---- Elementwise passes fused with their finiteness checks (as ../fused.ts, ../losses.ts,
  ;; ../tensor.ts). A guard sums x·0 over the entries: it stays ±0 exactly when every x is
  ;; finite. $act is ../fused.ts's code: 2 ReLU, 3 leaky ReLU, 4 identity (others are not here).

  ;; a = f(z) for n entries; returns 1 when every z is finite. ReLU keeps z where z > 0 and
  ;; writes +0 elsewhere (also for NaN), as `z > 0 ? z : 0`; leaky ReLU writes 0.01·z there.
  (func (export "activateChecked") (param $act i32) (param $z i32) (param $a i32) (param $n i32) (result i32)
    (local $end i32) (local $v v128) (local $pos v128) (local $guard v128) (local $slope v128) (local $x f64) (local $g f64)
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

  ;; δ = δ·f′(z) for n entries, f′ = 1 where z > 0 and 0 (ReLU) or 0.01 (leaky ReLU) elsewhere,
  ;; 1 for the identity; returns 1 when every new δ is finite.
  (func (export "timesDerivativeChecked") (param $act i32) (param $z i32) (param $delta i32) (param $n i32) (result i32)
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
              (v128.bitselect (v128.const f64x2 1 1) (local.get $low) (f64x2.gt (v128.load (local.get $z)) (v128.const f64x2 0 0)))))
            (v128.store (local.get $delta) (local.get $d))))
        (local.set $guard (f64x2.add (local.get $guard) (f64x2.mul (local.get $d) (v128.const f64x2 0 0))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $delta (i32.add (local.get $delta) (i32.const 16)))
        (br $pairs)))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $x (f64.load (local.get $delta)))
        (if (i32.ne (local.get $act) (i32.const 4))
          (then
            (local.set $x (f64.mul (local.get $x)
              (select (f64.const 1) (f64x2.extract_lane 0 (local.get $low)) (f64.gt (f64.load (local.get $z)) (f64.const 0)))))
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
