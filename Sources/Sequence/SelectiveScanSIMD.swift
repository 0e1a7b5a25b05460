import Tensor
import CKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The selective scan of `selectiveScanForward` (same equations, shapes and results to ~1e-6
/// relative), vectorised over eight channels at a time and parallel over (batch, channel block).
///
/// Why this shape: the recurrence is sequential in t but independent across channels d, and u, Δ
/// are stored [B,T,D] with d contiguous, so eight neighbouring channels load as one vector; the
/// exp of Δ·A, one per state element and step, uses `vectorExp` instead of a libm call. Tasks
/// write disjoint outputs, so the bits do not depend on the thread count. On CPUs with AVX2 or
/// AVX-512 the blocks run in CKernels (`instructions`, the best the CPU has by default): the same
/// operations on one AVX register instead of two SSE halves, or on sixteen channels per register
/// with several registers in flight, so the same bits (tested) and 2× the speed with AVX-512.
/// With `checkpoints`, the AVX-512 form also saves every `SelectiveScanCheckpoints.interval`-th
/// state for the backward (the other forms leave them empty).
public func selectiveScanForwardSIMD(
    y: UnsafeMutableBufferPointer<Float>,
    delta: UnsafeMutableBufferPointer<Float>,
    u: UnsafeBufferPointer<Float>,
    deltaRaw: UnsafeBufferPointer<Float>,
    ssmB: UnsafeBufferPointer<Float>,
    ssmC: UnsafeBufferPointer<Float>,
    A: UnsafeBufferPointer<Float>,
    deltaBias: UnsafeBufferPointer<Float>,
    skip: UnsafeBufferPointer<Float>,
    B: Int, T: Int, D: Int, N: Int, threads: Int? = nil, instructions: VectorInstructions = .best,
    checkpoints: SelectiveScanCheckpoints? = nil
) {
    checkScanSizes("selectiveScanForwardSIMD", y.count, delta.count, u.count, deltaRaw.count, ssmB.count, ssmC.count,
                   A.count, deltaBias.count, skip.count, B: B, T: T, D: D, N: N)
    let blocks = (D + 7) / 8
    let At = transposedLanes(A, D: D, N: N)
    defer { At.deallocate() }
    let instructions = instructions.runnable
    if instructions == .avx512 {
        let saved = checkpoints?.beginForward(B: B, T: T, D: D, N: N)
        // Per sequence: groups of up to eight registers of sixteen channels (eight exps in flight
        // were 14 % faster than four), then the blocks of eight past the last full register.
        let registers = D / 16, groups = (registers + 7) / 8, tails = blocks - 2 * registers
        let tasksPerSequence = groups + tails
        KernelParallel.forEach(B * tasksPerSequence, threadCount: threads) { task in
            let b = task / tasksPerSequence, index = task % tasksPerSequence
            if index < groups {
                let first = index * 8, count = min(8, registers - first)
                let h = UnsafeMutableRawPointer.allocate(byteCount: N * count * 64, alignment: 64)
                defer { h.deallocate() }
                biomoe_scan_forward_group_avx512(y.baseAddress!, delta.baseAddress!, saved, u.baseAddress!, deltaRaw.baseAddress!,
                                                 ssmB.baseAddress!, ssmC.baseAddress!, floats(At), deltaBias.baseAddress!,
                                                 skip.baseAddress!, b, first, count, T, D, N, SelectiveScanCheckpoints.interval,
                                                 h.assumingMemoryBound(to: Float.self))
            } else {
                let h = UnsafeMutablePointer<FloatLanes>.allocate(capacity: N)
                defer { h.deallocate() }
                biomoe_scan_forward_block_avx2(y.baseAddress!, delta.baseAddress!, u.baseAddress!, deltaRaw.baseAddress!,
                                               ssmB.baseAddress!, ssmC.baseAddress!, floats(At), deltaBias.baseAddress!,
                                               skip.baseAddress!, b, 2 * registers + index - groups, T, D, N, floats(h))
            }
        }
        return
    }
    // The other forms replay whole sequences: these no longer hold this scan's states.
    checkpoints?.invalidate()
    let avx2 = instructions == .avx2
    KernelParallel.forEach(B * blocks, threadCount: threads) { task in
        let b = task / blocks, d0 = (task % blocks) * 8, width = min(8, D - d0)
        let h = UnsafeMutablePointer<FloatLanes>.allocate(capacity: N)
        defer { h.deallocate() }
        h.initialize(repeating: FloatLanes(), count: N)
        if avx2 {
            biomoe_scan_forward_block_avx2(y.baseAddress!, delta.baseAddress!, u.baseAddress!, deltaRaw.baseAddress!,
                                           ssmB.baseAddress!, ssmC.baseAddress!, floats(At), deltaBias.baseAddress!,
                                           skip.baseAddress!, b, task % blocks, T, D, N, floats(h))
            return
        }
        let bias = FloatLanes.load(deltaBias.baseAddress! + d0, count: width)
        let skipD = FloatLanes.load(skip.baseAddress! + d0, count: width)
        for t in 0..<T {
            let i = (b * T + t) * D + d0, bt = (b * T + t) * N
            // Δ = softplus(deltaRaw + deltaBias)
            let dt = vectorSoftplus(FloatLanes.load(deltaRaw.baseAddress! + i, count: width) + bias)
            dt.store(delta.baseAddress! + i, count: width)
            let ut = FloatLanes.load(u.baseAddress! + i, count: width)
            var sum = FloatLanes()
            // h[n] = exp(Δ·A[n]) · h[n] + Δ · B[t,n] · u;  y = Σ_n h[n] · C[t,n] + skip · u
            for n in 0..<N {
                let hn = vectorExpNonPositive(dt * At[n * blocks + d0 / 8]) * h[n] + dt * ssmB[bt + n] * ut
                h[n] = hn
                sum += hn * ssmC[bt + n]
            }
            (sum + skipD * ut).store(y.baseAddress! + i, count: width)
        }
    }
}

/// Backward of `selectiveScanForwardSIMD` (the equations of `selectiveScanBackward`); adds into
/// every `d…` buffer.
///
/// Parallel over the batch: one task per sequence b walks its channel blocks in order, replaying
/// each block's forward states (and decays) into task-local scratch before the reverse sweep.
/// dssmB and dssmC (sums over channels) are accumulated per lane across blocks and reduced at the
/// end of the task; dA, ddeltaBias and dskip (sums over the batch) are per-task partials added
/// in b order afterwards. Every sum has a fixed order, so the thread count changes no bit. With
/// `instructions` AVX2 or AVX-512, each sequence's task runs in CKernels, in the same order (same
/// bits, tested). Given the `checkpoints` of the forward that produced `delta` from these inputs,
/// the AVX-512 form replays its states a chunk of steps at a time (`SelectiveScanCheckpoints`);
/// the same bits, faster.
public func selectiveScanBackwardSIMD(
    du: UnsafeMutableBufferPointer<Float>,
    ddeltaRaw: UnsafeMutableBufferPointer<Float>,
    dssmB: UnsafeMutableBufferPointer<Float>,
    dssmC: UnsafeMutableBufferPointer<Float>,
    dA: UnsafeMutableBufferPointer<Float>,
    ddeltaBias: UnsafeMutableBufferPointer<Float>,
    dskip: UnsafeMutableBufferPointer<Float>,
    dy: UnsafeBufferPointer<Float>,
    u: UnsafeBufferPointer<Float>,
    delta: UnsafeBufferPointer<Float>,
    ssmB: UnsafeBufferPointer<Float>,
    ssmC: UnsafeBufferPointer<Float>,
    A: UnsafeBufferPointer<Float>,
    skip: UnsafeBufferPointer<Float>,
    B: Int, T: Int, D: Int, N: Int, threads: Int? = nil, instructions: VectorInstructions = .best,
    checkpoints: SelectiveScanCheckpoints? = nil
) {
    checkScanSizes("selectiveScanBackwardSIMD", dy.count, delta.count, u.count, du.count, ssmB.count, ssmC.count,
                   A.count, ddeltaBias.count, skip.count, B: B, T: T, D: D, N: N)
    precondition(ddeltaRaw.count == B * T * D, "selectiveScanBackwardSIMD: ddeltaRaw must hold B·T·D = \(B * T * D) elements")
    precondition(dssmB.count == B * T * N && dssmC.count == B * T * N, "selectiveScanBackwardSIMD: dssmB and dssmC must hold B·T·N = \(B * T * N) elements")
    precondition(dA.count == D * N && ddeltaBias.count == D && dskip.count == D, "selectiveScanBackwardSIMD: dA must hold D·N, ddeltaBias and dskip D elements")
    let blocks = (D + 7) / 8
    let At = transposedLanes(A, D: D, N: N)
    // Per-sequence partials of the batch sums: dA [blocks·N lanes], ddeltaBias, dskip [blocks lanes].
    let partialStride = blocks * (N + 2)
    let partials = UnsafeMutablePointer<FloatLanes>.allocate(capacity: max(1, B * partialStride))
    partials.initialize(repeating: FloatLanes(), count: max(1, B * partialStride))
    defer { At.deallocate(); partials.deallocate() }
    let instructions = instructions.runnable
    if instructions == .avx512, B > 0 {
        // One task per worker, sequences b = worker, worker + workers, …: which worker runs a
        // sequence changes no bit. With the forward's checkpoints each worker has its region of
        // their scratch; without them the kernel replays whole sequences in its own memory.
        let interval = SelectiveScanCheckpoints.interval
        let saved = checkpoints?.states(B: B, T: T, D: D, N: N)
        let workers = min(max(1, threads ?? KernelParallel.threads), B)
        let regions = saved == nil ? nil
            : checkpoints?.scratch(workers: workers, bytes: biomoe_scan_backward_scratch_bytes_avx512(T, D, N, interval))
        KernelParallel.forEach(workers, threadCount: workers) { worker in
            for b in stride(from: worker, to: B, by: workers) {
                biomoe_scan_backward_sequence_avx512(du.baseAddress!, ddeltaRaw.baseAddress!, dssmB.baseAddress!, dssmC.baseAddress!,
                                                     floats(partials + b * partialStride), saved, dy.baseAddress!, u.baseAddress!,
                                                     delta.baseAddress!, ssmB.baseAddress!, ssmC.baseAddress!, floats(At),
                                                     skip.baseAddress!, b, T, D, N, interval, regions?[worker])
            }
        }
        addPartials(dA: dA, ddeltaBias: ddeltaBias, dskip: dskip, partials: partials, B: B, D: D, N: N)
        return
    }
    KernelParallel.forEach(B, threadCount: threads) { b in
        if instructions == .avx2 {
            biomoe_scan_backward_sequence_avx2(du.baseAddress!, ddeltaRaw.baseAddress!, dssmB.baseAddress!, dssmC.baseAddress!,
                                               floats(partials + b * partialStride), dy.baseAddress!, u.baseAddress!,
                                               delta.baseAddress!, ssmB.baseAddress!, ssmC.baseAddress!, floats(At),
                                               skip.baseAddress!, b, T, D, N)
            return
        }
        // states[(t+1)·N + n] = h_t[n] (row 0 is h_{−1} = 0); decays[t·N + n] = exp(Δ_t·A[n]).
        let states = UnsafeMutablePointer<FloatLanes>.allocate(capacity: (T + 1) * N)
        let decays = UnsafeMutablePointer<FloatLanes>.allocate(capacity: max(1, T * N))
        let carry = UnsafeMutablePointer<FloatLanes>.allocate(capacity: N)
        let dAacc = UnsafeMutablePointer<FloatLanes>.allocate(capacity: N)
        // Lane-wise sums over channel blocks of dssmB and dssmC at (t, n).
        let dBLanes = UnsafeMutablePointer<FloatLanes>.allocate(capacity: max(1, T * N))
        let dCLanes = UnsafeMutablePointer<FloatLanes>.allocate(capacity: max(1, T * N))
        dBLanes.initialize(repeating: FloatLanes(), count: max(1, T * N))
        dCLanes.initialize(repeating: FloatLanes(), count: max(1, T * N))
        defer { [states, decays, carry, dAacc, dBLanes, dCLanes].forEach { $0.deallocate() } }
        let partial = partials + b * partialStride
        for block in 0..<blocks {
            let d0 = block * 8, width = min(8, D - d0)
            let skipD = FloatLanes.load(skip.baseAddress! + d0, count: width)
            for n in 0..<N { states[n] = FloatLanes() }
            for t in 0..<T {
                let i = (b * T + t) * D + d0, bt = (b * T + t) * N
                let dt = FloatLanes.load(delta.baseAddress! + i, count: width), ut = FloatLanes.load(u.baseAddress! + i, count: width)
                for n in 0..<N {
                    let decay = vectorExpNonPositive(dt * At[n * blocks + block])
                    decays[t * N + n] = decay
                    states[(t + 1) * N + n] = decay * states[t * N + n] + dt * ssmB[bt + n] * ut
                }
            }
            for n in 0..<N { carry[n] = FloatLanes(); dAacc[n] = FloatLanes() }
            var dskipAcc = FloatLanes(), dbiasAcc = FloatLanes()
            var t = T - 1
            while t >= 0 {
                let i = (b * T + t) * D + d0, bt = (b * T + t) * N
                let dt = FloatLanes.load(delta.baseAddress! + i, count: width), ut = FloatLanes.load(u.baseAddress! + i, count: width)
                let dyt = FloatLanes.load(dy.baseAddress! + i, count: width)
                // y_t = Σ_n h_t C_t + skip·u_t
                var duAcc = dyt * skipD
                dskipAcc += dyt * ut
                var ddelta = FloatLanes()
                for n in 0..<N {
                    let h = states[(t + 1) * N + n], hPrev = states[t * N + n], decay = decays[t * N + n]
                    let bn = ssmB[bt + n], a = At[n * blocks + block]
                    dCLanes[t * N + n] += dyt * h
                    // g_t = dy_t · C_t + g_{t+1} · ā_{t+1}
                    let g = dyt * ssmC[bt + n] + carry[n]
                    ddelta += g * (decay * a * hPrev + bn * ut)
                    dAacc[n] += g * decay * dt * hPrev
                    dBLanes[t * N + n] += g * dt * ut
                    duAcc += g * dt * bn
                    carry[n] = g * decay
                }
                (FloatLanes.load(du.baseAddress! + i, count: width) + duAcc).store(du.baseAddress! + i, count: width)
                // Δ = softplus(raw + bias): d raw = dΔ · (1 − e^(−Δ))
                let draw = ddelta * vectorSoftplusDerivative(output: dt)
                (FloatLanes.load(ddeltaRaw.baseAddress! + i, count: width) + draw).store(ddeltaRaw.baseAddress! + i, count: width)
                dbiasAcc += draw
                t -= 1
            }
            for n in 0..<N { partial[block * N + n] = dAacc[n] }
            partial[blocks * N + block] = dbiasAcc
            partial[blocks * (N + 1) + block] = dskipAcc
        }
        for t in 0..<T {
            let bt = (b * T + t) * N
            for n in 0..<N {
                dssmB[bt + n] += dBLanes[t * N + n].sum()
                dssmC[bt + n] += dCLanes[t * N + n].sum()
            }
        }
    }
    addPartials(dA: dA, ddeltaBias: ddeltaBias, dskip: dskip, partials: partials, B: B, D: D, N: N)
}

/// The batch sums of the backward's per-sequence partials, in b order.
private func addPartials(dA: UnsafeMutableBufferPointer<Float>, ddeltaBias: UnsafeMutableBufferPointer<Float>,
                         dskip: UnsafeMutableBufferPointer<Float>, partials: UnsafeMutablePointer<FloatLanes>,
                         B: Int, D: Int, N: Int) {
    let blocks = (D + 7) / 8, partialStride = blocks * (N + 2)
    for b in 0..<B {
        let partial = partials + b * partialStride
        for block in 0..<blocks {
            let d0 = block * 8, width = min(8, D - d0)
            for lane in 0..<width {
                let d = d0 + lane
                for n in 0..<N { dA[d * N + n] += partial[block * N + n][lane] }
                ddeltaBias[d] += partial[blocks * N + block][lane]
                dskip[d] += partial[blocks * (N + 1) + block][lane]
            }
        }
    }
}

/// Lanes as the floats CKernels reads: eight per `FloatLanes`, in lane order.
private func floats(_ lanes: UnsafeMutablePointer<FloatLanes>) -> UnsafeMutablePointer<Float> {
    UnsafeMutableRawPointer(lanes).assumingMemoryBound(to: Float.self)
}

/// A [D,N] → lanes [N][⌈D/8⌉]: element (n, block) holds A[block·8 + lane, n], zero past D.
private func transposedLanes(_ A: UnsafeBufferPointer<Float>, D: Int, N: Int) -> UnsafeMutablePointer<FloatLanes> {
    let blocks = (D + 7) / 8
    let At = UnsafeMutablePointer<FloatLanes>.allocate(capacity: N * blocks)
    At.initialize(repeating: FloatLanes(), count: N * blocks)
    for d in 0..<D {
        for n in 0..<N { At[n * blocks + d / 8][d % 8] = A[d * N + n] }
    }
    return At
}
