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
;; func 0 (param i32 i64) (result i32 i32 i32 i64 i64 i64): 106 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x68
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    i32.clz                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  lzcnt ebx, ebx
;;   0x22    local.get 0                   [i32:ebx, i32:local 0]
;;   0x24    i32.ctz                       [i32:ebx, i32:esi]
;;             0023  mov esi, [rbp+0x10]
;;             0026  tzcnt esi, esi
;;   0x25    local.get 0                   [i32:ebx, i32:esi, i32:local 0]
;;   0x27    i32.popcnt                    [i32:ebx, i32:esi, i32:edi]
;;             002b  mov edi, [rbp+0x10]
;;             002e  popcnt edi, edi
;;   0x28    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:local 1]
;;   0x2a    i64.clz                       [i32:ebx, i32:esi, i32:edi, i64:r8]
;;             0033  mov r8, [rbp+0x18]
;;             0037  lzcnt r8, r8
;;   0x2b    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:local 1]
;;   0x2d    i64.ctz                       [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9]
;;             003c  mov r9, [rbp+0x18]
;;             0040  tzcnt r9, r9
;;   0x2e    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:local 1]
;;   0x30    i64.popcnt                    [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:r10]
;;             0045  mov r10, [rbp+0x18]
;;             0049  popcnt r10, r10
;;   0x31    end                           (returned)
;;             004e  mov [rbp+0x10], ebx
;;             0051  mov [rbp+0x18], esi
;;             0054  mov [rbp+0x20], edi
;;             0057  mov [rbp+0x28], r8
;;             005b  mov [rbp+0x30], r9
;;             005f  mov [rbp+0x38], r10
;;             0063  mov rsp, rbp
;;             0066  pop rbp
;;             0067  ret
;;           out-of-line stubs
;;             0068  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 (param i32 i64) (result i32 i32 i32 i64 i64 i64): 146 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0012  cmp rsp, [rax]
;;             0015  jb 0x90
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    i32.clz                       [i32:ebx]
;;             001b  mov ebx, [rbp+0x10]
;;             001e  mov eax, 0x3f
;;             0023  bsr ebx, ebx
;;             0027  cmove ebx, eax
;;             002b  xor ebx, 0x1f
;;   0x22    local.get 0                   [i32:ebx, i32:local 0]
;;   0x24    i32.ctz                       [i32:ebx, i32:esi]
;;             002f  mov esi, [rbp+0x10]
;;             0032  mov eax, 0x20
;;             0037  bsf esi, esi
;;             003b  cmove esi, eax
;;   0x25    local.get 0                   [i32:ebx, i32:esi, i32:local 0]
;;   0x27    i32.popcnt                    [i32:ebx, i32:esi, i32:edi]
;;             003f  mov edi, [rbp+0x10]
;;             0042  popcnt edi, edi
;;   0x28    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:local 1]
;;   0x2a    i64.clz                       [i32:ebx, i32:esi, i32:edi, i64:r8]
;;             0047  mov r8, [rbp+0x18]
;;             004b  mov eax, 0x7f
;;             0050  bsr r8, r8
;;             0054  cmove r8, rax
;;             0058  xor r8d, 0x3f
;;   0x2b    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:local 1]
;;   0x2d    i64.ctz                       [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9]
;;             005c  mov r9, [rbp+0x18]
;;             0060  mov eax, 0x40
;;             0065  bsf r9, r9
;;             0069  cmove r9, rax
;;   0x2e    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:local 1]
;;   0x30    i64.popcnt                    [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:r10]
;;             006d  mov r10, [rbp+0x18]
;;             0071  popcnt r10, r10
;;   0x31    end                           (returned)
;;             0076  mov [rbp+0x10], ebx
;;             0079  mov [rbp+0x18], esi
;;             007c  mov [rbp+0x20], edi
;;             007f  mov [rbp+0x28], r8
;;             0083  mov [rbp+0x30], r9
;;             0087  mov [rbp+0x38], r10
;;             008b  mov rsp, rbp
;;             008e  pop rbp
;;             008f  ret
;;           out-of-line stubs
;;             0090  ud2  ; trap: call stack exhausted
