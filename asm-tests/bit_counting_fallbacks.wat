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
;; func 0 (param i32 i64) (result i32 i32 i32 i64 i64 i64): 152 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0x96
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    i32.clz                       [i32:ebx]
;;             001f  mov ebx, [rbp+0x10]
;;             0026  lzcnt ebx, ebx
;;   0x22    local.get 0                   [i32:ebx, i32:local 0]
;;   0x24    i32.ctz                       [i32:ebx, i32:esi]
;;             002b  mov esi, [rbp+0x10]
;;             0032  tzcnt esi, esi
;;   0x25    local.get 0                   [i32:ebx, i32:esi, i32:local 0]
;;   0x27    i32.popcnt                    [i32:ebx, i32:esi, i32:edi]
;;             0037  mov edi, [rbp+0x10]
;;             003e  popcnt edi, edi
;;   0x28    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:local 1]
;;   0x2a    i64.clz                       [i32:ebx, i32:esi, i32:edi, i64:r8]
;;             0043  mov r8, [rbp+0x18]
;;             004a  lzcnt r8, r8
;;   0x2b    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:local 1]
;;   0x2d    i64.ctz                       [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9]
;;             004f  mov r9, [rbp+0x18]
;;             0056  tzcnt r9, r9
;;   0x2e    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:local 1]
;;   0x30    i64.popcnt                    [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:r10]
;;             005b  mov r10, [rbp+0x18]
;;             0062  popcnt r10, r10
;;   0x31    end                           (returned)
;;             0067  mov [rbp+0x10], ebx
;;             006e  mov [rbp+0x18], esi
;;             0075  mov [rbp+0x20], edi
;;             007c  mov [rbp+0x28], r8
;;             0083  mov [rbp+0x30], r9
;;             008a  mov [rbp+0x38], r10
;;             0091  mov rsp, rbp
;;             0094  pop rbp
;;             0095  ret
;;           out-of-line stubs
;;             0096  ud2  ; trap: call stack exhausted

;; ==== expected x86_64:min ====
;; func 0 (param i32 i64) (result i32 i32 i32 i64 i64 i64): 192 bytes of x86_64
;;   wasm    operator                      value stack after it
;;           prologue
;;             0000  push rbp
;;             0001  mov rbp, rsp
;;             0004  sub rsp, 0x40
;;             000b  mov [rbp-8], r14
;;             000f  mov rax, [r14]
;;             0016  cmp rsp, [rax]
;;             0019  jb 0xbe
;;   0x1f    local.get 0                   [i32:local 0]
;;   0x21    i32.clz                       [i32:ebx]
;;             001f  mov ebx, [rbp+0x10]
;;             0026  mov eax, 0x3f
;;             002b  bsr ebx, ebx
;;             002f  cmove ebx, eax
;;             0033  xor ebx, 0x1f
;;   0x22    local.get 0                   [i32:ebx, i32:local 0]
;;   0x24    i32.ctz                       [i32:ebx, i32:esi]
;;             0037  mov esi, [rbp+0x10]
;;             003e  mov eax, 0x20
;;             0043  bsf esi, esi
;;             0047  cmove esi, eax
;;   0x25    local.get 0                   [i32:ebx, i32:esi, i32:local 0]
;;   0x27    i32.popcnt                    [i32:ebx, i32:esi, i32:edi]
;;             004b  mov edi, [rbp+0x10]
;;             0052  popcnt edi, edi
;;   0x28    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:local 1]
;;   0x2a    i64.clz                       [i32:ebx, i32:esi, i32:edi, i64:r8]
;;             0057  mov r8, [rbp+0x18]
;;             005e  mov eax, 0x7f
;;             0063  bsr r8, r8
;;             0067  cmove r8, rax
;;             006b  xor r8d, 0x3f
;;   0x2b    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:local 1]
;;   0x2d    i64.ctz                       [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9]
;;             006f  mov r9, [rbp+0x18]
;;             0076  mov eax, 0x40
;;             007b  bsf r9, r9
;;             007f  cmove r9, rax
;;   0x2e    local.get 1                   [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:local 1]
;;   0x30    i64.popcnt                    [i32:ebx, i32:esi, i32:edi, i64:r8, i64:r9, i64:r10]
;;             0083  mov r10, [rbp+0x18]
;;             008a  popcnt r10, r10
;;   0x31    end                           (returned)
;;             008f  mov [rbp+0x10], ebx
;;             0096  mov [rbp+0x18], esi
;;             009d  mov [rbp+0x20], edi
;;             00a4  mov [rbp+0x28], r8
;;             00ab  mov [rbp+0x30], r9
;;             00b2  mov [rbp+0x38], r10
;;             00b9  mov rsp, rbp
;;             00bc  pop rbp
;;             00bd  ret
;;           out-of-line stubs
;;             00be  ud2  ; trap: call stack exhausted
