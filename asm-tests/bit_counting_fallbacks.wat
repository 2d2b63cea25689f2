;; targets: x86_64 x86_64:min
;;
;; clz, ctz and popcnt of both widths, with every CPU feature (`lzcnt`,
;; `tzcnt`) and at x86-64's floor (`x86_64:min`: no LZCNT, no BMI1), where
;; `bsr`/`bsf` stand in and a `cmovz` gives a zero input its answer, the
;; operand width. (`popcnt` is part of the floor.) aarch64 has `clz` and
;; `rbit` in its base ISA, so it has no fallback to show.

(module
  (func (param i32 i64) (result i32 i32 i32 i64 i64 i64)
    (i32.clz (local.get 0))
    (i32.ctz (local.get 0))
    (i32.popcnt (local.get 0))
    (i64.clz (local.get 1))
    (i64.ctz (local.get 1))
    (i64.popcnt (local.get 1))))

;; ==== expected x86_64 ====
;; func 0 (param i32 i64) (result i32 i32 i32 i64 i64 i64): 112 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x6e
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    i32.clz                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001f  lzcnt ebx, ebx
;;   0x22    local.get 0                   [i32:ebx, i32:local 0]
;;   0x24    i32.ctz                       [i32:ebx, i32:esi]
;;             0024  mov esi, [rbp+0x10]
;;             0028  tzcnt esi, esi
;;   0x25    local.get 0                   [i32:ebx, i32:esi, i32:local 0]
;;   0x27    i32.popcnt                    [i32:ebx, i32:esi, i32:edi]
;;             002d  mov edi, [rbp+0x10]
;;             0031  popcnt edi, edi
;;   0x28    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:local 1]
;;   0x2a    i64.clz                       [i32:ebx, i32:esi, i32:edi, i64:r8]
;;             0036  mov r8, [rbp+0x18]
;;             003a  lzcnt r8, r8
;;   0x2b    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:local 1]
;;   0x2d    i64.ctz                       [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9]
;;             003f  mov r9, [rbp+0x18]
;;             0043  tzcnt r9, r9
;;   0x2e    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:local 1]
;;   0x30    i64.popcnt                    [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:r10]
;;             0048  mov r10, [rbp+0x18]
;;             004c  popcnt r10, r10
;;   0x31    end                           (returned)
;;             0051  mov [rbp+0x10], ebx
;;             0055  mov [rbp+0x18], esi
;;             0059  mov [rbp+0x20], edi
;;             005d  mov [rbp+0x28], r8
;;             0061  mov [rbp+0x30], r9
;;             0065  mov [rbp+0x38], r10
;;             0069  mov rsp, rbp
;;             006c  pop rbp
;;             006d  ret
;;           out-of-line stubs
;;             006e  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 (param i32 i64) (result i32 i32 i32 i64 i64 i64): 152 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x96
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    i32.clz                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001f  mov eax, 0x3f
;;             0024  bsr ebx, ebx
;;             0028  cmove ebx, eax
;;             002c  xor ebx, 0x1f
;;   0x22    local.get 0                   [i32:ebx, i32:local 0]
;;   0x24    i32.ctz                       [i32:ebx, i32:esi]
;;             0030  mov esi, [rbp+0x10]
;;             0034  mov eax, 0x20
;;             0039  bsf esi, esi
;;             003d  cmove esi, eax
;;   0x25    local.get 0                   [i32:ebx, i32:esi, i32:local 0]
;;   0x27    i32.popcnt                    [i32:ebx, i32:esi, i32:edi]
;;             0041  mov edi, [rbp+0x10]
;;             0045  popcnt edi, edi
;;   0x28    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:local 1]
;;   0x2a    i64.clz                       [i32:ebx, i32:esi, i32:edi, i64:r8]
;;             004a  mov r8, [rbp+0x18]
;;             004e  mov eax, 0x7f
;;             0053  bsr r8, r8
;;             0057  cmove r8, rax
;;             005b  xor r8d, 0x3f
;;   0x2b    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:local 1]
;;   0x2d    i64.ctz                       [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9]
;;             005f  mov r9, [rbp+0x18]
;;             0063  mov eax, 0x40
;;             0068  bsf r9, r9
;;             006c  cmove r9, rax
;;   0x2e    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:local 1]
;;   0x30    i64.popcnt                    [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:r10]
;;             0070  mov r10, [rbp+0x18]
;;             0074  popcnt r10, r10
;;   0x31    end                           (returned)
;;             0079  mov [rbp+0x10], ebx
;;             007d  mov [rbp+0x18], esi
;;             0081  mov [rbp+0x20], edi
;;             0085  mov [rbp+0x28], r8
;;             0089  mov [rbp+0x30], r9
;;             008d  mov [rbp+0x38], r10
;;             0091  mov rsp, rbp
;;             0094  pop rbp
;;             0095  ret
;;           out-of-line stubs
;;             0096  ud2  ; trap: call stack exhausted
