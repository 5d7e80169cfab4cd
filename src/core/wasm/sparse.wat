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
  ;; as sgdStepInPlace in ../optimizers.ts. Returns max |θ| afterwards, as $maxAbs gives it
  ;; (NaN when some θ is NaN or ±Infinity), measured as each θ is stored rather than in a
  ;; second pass over θ.
  (func (export "sgdStep") (param $theta i32) (param $g i32) (param $update i32) (param $n i32) (param $eta f64) (result f64)
    (local $end i32) (local $minusEta v128) (local $u v128) (local $v v128) (local $max v128) (local $nan v128)
    (local $x f64) (local $m f64)
    (local.set $minusEta (f64x2.splat (f64.neg (local.get $eta))))
    (local.set $end (i32.add (local.get $theta) (i32.shl (i32.and (local.get $n) (i32.const -2)) (i32.const 3))))
    (block $pairsDone
      (loop $pairs
        (br_if $pairsDone (i32.ge_u (local.get $theta) (local.get $end)))
        (local.set $u (f64x2.mul (local.get $minusEta) (v128.load (local.get $g))))
        (v128.store (local.get $update) (local.get $u))
        (local.set $v (f64x2.add (v128.load (local.get $theta)) (local.get $u)))
        (v128.store (local.get $theta) (local.get $v))
        (local.set $max (f64x2.pmax (local.get $max) (f64x2.abs (local.get $v))))
        (local.set $nan (v128.or (local.get $nan) (f64x2.ne (local.get $v) (local.get $v))))
        (local.set $theta (i32.add (local.get $theta) (i32.const 16)))
        (local.set $g (i32.add (local.get $g) (i32.const 16)))
        (local.set $update (i32.add (local.get $update) (i32.const 16)))
        (br $pairs)))
    (local.set $m (f64.max (f64x2.extract_lane 0 (local.get $max)) (f64x2.extract_lane 1 (local.get $max))))
    (if (i32.and (local.get $n) (i32.const 1))
      (then
        (local.set $x (f64.mul (f64.neg (local.get $eta)) (f64.load (local.get $g))))
        (f64.store (local.get $update) (local.get $x))
        (local.set $x (f64.add (f64.load (local.get $theta)) (local.get $x)))
        (f64.store (local.get $theta) (local.get $x))
        (local.set $m (f64.max (local.get $m) (f64.abs (local.get $x))))))
    (if (result f64) (i32.or (v128.any_true (local.get $nan)) (f64.ne (local.get $m) (local.get $m)))
      (then (f64.const nan))
      (else (select (f64.const nan) (local.get $m) (f64.eq (local.get $m) (f64.const inf))))))
)
