package io.jitar.core.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.jitar.core.binding.ArgumentConverter;
import io.jitar.core.binding.BindingPlan;
import io.jitar.core.binding.QueryText;
import io.jitar.core.procedure.AccessLevel;
import io.jitar.core.procedure.Fqn;
import io.jitar.core.procedure.Implementation;
import io.jitar.core.procedure.Invoker;
import io.jitar.core.procedure.ProcedureRegistry;
import io.jitar.Version;
import io.jitar.core.protocol.GameOverException;
import io.jitar.core.protocol.TrustKey;
import io.jitar.errors.BadRequestException;
import io.jitar.errors.ForbiddenException;
import io.jitar.errors.JitarException;
import io.jitar.errors.NotFoundException;
import io.jitar.errors.TeapotException;
import io.jitar.errors.UnauthorizedException;
import io.jitar.middleware.Middleware;
import io.jitar.middleware.Request;
import io.jitar.middleware.Response;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RpcExecutorTest {

    private static final String ADD = "score/add";
    private static final String WHO_AM_I = "score/whoAmI";
    private static final String CHECK_SECRET = "score/checkSecret";
    private static final String HIDDEN = "score/hidden";
    private static final String LATER = "score/later";
    private static final String FAIL = "score/fail";
    private static final String UNKNOWN = "score/unknown";

    private static final Version V1 = Version.parse("1.0.0");
    private static final Version V2 = Version.parse("2.0.0");
    private static final String SECRET_KEY = "s3cret-key";
    private static final String TRUST_KEY_HEADER = "X-Jitar-Trust-Key";
    private static final String ORIGIN = "segments/score.json";

    private static Jsonb jsonb;
    private static ArgumentConverter converter;

    private FakeScoreService service;
    private ProcedureRegistry registry;
    private final List<String> trace = new ArrayList<>();

    @BeforeAll
    static void createConverter() {
        jsonb = JsonbBuilder.create();
        converter = new ArgumentConverter(jsonb);
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    @BeforeEach
    void buildRegistry() {
        service = new FakeScoreService();
        registry = ProcedureRegistry.builder()
                .add(implementation(ADD, V1, AccessLevel.PUBLIC, "add",
                        args -> service.add((int) args[0], (int) args[1])), ORIGIN)
                .add(implementation(ADD, V2, AccessLevel.PUBLIC, "add",
                        args -> "v2:" + service.add((int) args[0], (int) args[1])), ORIGIN)
                .add(implementation(WHO_AM_I, V1, AccessLevel.PUBLIC, "whoAmI",
                        args -> service.whoAmI(castOptional(args[0]))), ORIGIN)
                .add(implementation(CHECK_SECRET, V1, AccessLevel.PROTECTED, "checkSecret",
                        args -> service.checkSecret((String) args[0])), ORIGIN)
                .add(implementation(HIDDEN, V1, AccessLevel.PRIVATE, "checkSecret",
                        args -> service.checkSecret((String) args[0])), ORIGIN)
                .add(implementation(LATER, V1, AccessLevel.PUBLIC, "later",
                        args -> service.later((String) args[0])), ORIGIN)
                .add(implementation(FAIL, V1, AccessLevel.PUBLIC, "fail",
                        args -> {
                            service.fail((String) args[0]);
                            return null;
                        }), ORIGIN)
                .build();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> castOptional(Object value) {
        return (Optional<String>) value;
    }

    private static Implementation implementation(String fqn, Version version, AccessLevel access, String methodName,
                                                 Invoker invoker) {
        Method method = Arrays.stream(ScoreModule.class.getMethods())
                .filter(m -> m.getName().equals(methodName))
                .findFirst()
                .orElseThrow();
        return new Implementation(new Fqn(fqn), version, access, false, BindingPlan.of(method), invoker);
    }

    private RpcExecutor executor(Middleware... middlewares) {
        return new RpcExecutor(registry, List.of(middlewares), converter, TrustKey.of(SECRET_KEY));
    }

    private static Request request(String fqn, Version version, Map<String, Object> arguments) {
        return new Request(fqn, version, arguments, Map.of());
    }

    private static Map<String, Object> addArguments(int a, int b) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("a", Json.createValue(a));
        arguments.put("b", Json.createValue(b));
        return arguments;
    }

    private static Response await(CompletionStage<Response> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static Response run(RpcExecutor executor, Request request) throws Exception {
        return await(executor.run(request, RunMode.NORMAL));
    }

    /** A middleware that records when it runs, before and after the rest of the chain. */
    private Middleware tracing(String name) {
        return (request, next) -> {
            trace.add(name + " before");
            return next.handle().thenApply(response -> {
                trace.add(name + " after");
                return response;
            });
        };
    }

    @Test
    void runsProcedureWithConvertedArguments() throws Exception {
        Map<String, Object> arguments = Map.of("a", Json.createValue(2), "b", new QueryText("3"));

        Response response = run(executor(), request(ADD, V1, arguments));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result()).isEqualTo(5);
        assertThat(service.calls).containsExactly("add(2, 3)");
    }

    @Test
    void selectsHighestLowerVersion() throws Exception {
        assertThat(run(executor(), request(ADD, Version.parse("1.9"), addArguments(1, 1))).result()).isEqualTo(2);
        assertThat(run(executor(), request(ADD, Version.parse("3"), addArguments(1, 1))).result()).isEqualTo("v2:2");
    }

    @Test
    void unknownProcedureAnswersNotFound() throws Exception {
        Response response = run(executor(), request(UNKNOWN, V1, Map.of()));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.result()).isInstanceOf(NotFoundException.class)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessage("Procedure 'score/unknown' not found");
    }

    @Test
    void versionBelowEveryImplementationAnswersNotFound() throws Exception {
        Response response = run(executor(), request(ADD, Version.DEFAULT, addArguments(1, 1)));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.result()).isInstanceOf(NotFoundException.class);
        assertThat(service.calls).isEmpty();
    }

    @Test
    void privateProcedureAnswersNotFound() throws Exception {
        Response response = run(executor(tracing("outer")),
                request(HIDDEN, V1, Map.of("secret", Json.createValue("open sesame"))));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.result()).isInstanceOf(NotFoundException.class)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessage("Procedure 'score/hidden' not found");
        assertThat(service.calls).isEmpty();
        assertThat(trace).isEmpty();
    }

    @Test
    void protectedProcedureNeedsTrustKey() throws Exception {
        Map<String, Object> arguments = Map.of("secret", Json.createValue("open sesame"));
        RpcExecutor executor = executor(tracing("outer"));

        Response withoutKey = run(executor, request(CHECK_SECRET, V1, arguments));
        Response wrongKey = run(executor, new Request(CHECK_SECRET, V1, arguments, Map.of(TRUST_KEY_HEADER, "guess")));
        Response rightKey = run(executor, new Request(CHECK_SECRET, V1, arguments, Map.of("x-jitar-trust-key", SECRET_KEY)));

        assertThat(withoutKey.status()).isEqualTo(401);
        assertThat(withoutKey.result()).isInstanceOf(UnauthorizedException.class)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessage("Procedure 'score/checkSecret' requires a valid trust key");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(rightKey.status()).isEqualTo(200);
        assertThat(rightKey.result()).isEqualTo("welcome");
        assertThat(service.calls).containsExactly("checkSecret(open sesame)");
        assertThat(trace).containsExactly("outer before", "outer after");
    }

    @Test
    void protectedProcedureIsClosedWhenNoTrustKeyIsConfigured() throws Exception {
        RpcExecutor executor = new RpcExecutor(registry, List.of(), converter, TrustKey.none());
        Request request = new Request(CHECK_SECRET, V1, Map.of("secret", Json.createValue("x")), Map.of(TRUST_KEY_HEADER, ""));

        assertThat(run(executor, request).status()).isEqualTo(401);
        assertThat(service.calls).isEmpty();
    }

    @Test
    void middlewareRunsInOrderAndCanChangeArgumentsAndResponse() throws Exception {
        Middleware first = (request, next) -> {
            trace.add("first before");
            request.setArgument("b", 10);
            return next.handle().thenApply(response -> {
                trace.add("first after");
                response.setHeader("X-Served-By", "first");
                response.setResult((Integer) response.result() + 1);
                return response;
            });
        };
        Middleware second = (request, next) -> {
            trace.add("second before sees b=" + request.getArgument("b"));
            return next.handle().thenApply(response -> {
                trace.add("second after sees result=" + response.result());
                response.setStatus(201);
                return response;
            });
        };

        Response response = run(executor(first, second), request(ADD, V1, addArguments(2, 3)));

        assertThat(trace).containsExactly("first before", "second before sees b=10", "second after sees result=12",
                "first after");
        assertThat(service.calls).containsExactly("add(2, 10)");
        assertThat(response.result()).isEqualTo(13);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.getHeader("x-served-by")).isEqualTo("first");
    }

    @Test
    void middlewareOffersOptionalArgumentOnlyToProceduresThatDeclareIt() throws Exception {
        Middleware user = (request, next) -> {
            request.setArgument("*user", "ann");
            return next.handle();
        };
        RpcExecutor executor = executor(user);

        Response whoAmI = run(executor, request(WHO_AM_I, V1, Map.of()));
        Response add = run(executor, request(ADD, V1, addArguments(1, 2)));

        assertThat(whoAmI.result()).isEqualTo("ann");
        assertThat(add.result()).isEqualTo(3);
        assertThat(service.calls).containsExactly("whoAmI(Optional[ann])", "add(1, 2)");
    }

    @Test
    void middlewareCanAnswerWithoutCallingTheProcedure() throws Exception {
        Middleware blocker = (request, next) -> CompletableFuture.completedFuture(new Response(429, "slow down"));

        Response response = run(executor(tracing("outer"), blocker), request(ADD, V1, addArguments(1, 2)));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.result()).isEqualTo("slow down");
        assertThat(service.calls).isEmpty();
        assertThat(trace).containsExactly("outer before", "outer after");
    }

    @Test
    void middlewareExceptionBecomesResponseWithItsStatus() throws Exception {
        Middleware throwing = (request, next) -> {
            throw new ForbiddenException("Not on Sundays");
        };

        Response response = run(executor(tracing("outer"), throwing), request(ADD, V1, addArguments(1, 2)));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.result()).isInstanceOf(ForbiddenException.class);
        assertThat(service.calls).isEmpty();
        assertThat(trace).containsExactly("outer before", "outer after");
    }

    @Test
    void middlewareFailedStageBecomesResponseWithItsStatus() throws Exception {
        TeapotException teapot = new TeapotException("Short and stout");
        Middleware failing = (request, next) -> CompletableFuture.failedFuture(new CompletionException(teapot));

        Response response = run(executor(failing), request(ADD, V1, addArguments(1, 2)));

        assertThat(response.status()).isEqualTo(418);
        assertThat(response.result()).isSameAs(teapot);
    }

    @Test
    void bindingFailureAnswersBadRequestNamingParameter() throws Exception {
        Response response = run(executor(), request(ADD, V1, Map.of("a", Json.createValue(1))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.result()).isInstanceOf(BadRequestException.class)
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessage("Missing required parameter 'b'");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void dryRunDoesNotInvoke() throws Exception {
        Response response = await(executor(tracing("outer")).run(request(ADD, V1, addArguments(1, 2)), RunMode.DRY));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result()).isNull();
        assertThat(service.calls).isEmpty();
        assertThat(trace).containsExactly("outer before", "outer after");
    }

    @Test
    void dryRunStillValidatesArguments() throws Exception {
        Map<String, Object> arguments = Map.of("a", Json.createValue(1), "b", Json.createValue("two"));

        Response response = await(executor().run(request(ADD, V1, arguments), RunMode.DRY));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.result()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessage("Invalid value for parameter 'b': expected an integer");
        assertThat(service.calls).isEmpty();
    }

    @Test
    void dryRunStillEnforcesAccess() throws Exception {
        Response response = await(executor().run(request(CHECK_SECRET, V1, Map.of("secret", Json.createValue("x"))),
                RunMode.DRY));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void asyncResultCompletes() throws Exception {
        CompletionStage<Response> stage = executor(tracing("outer")).run(
                request(LATER, V1, Map.of("value", Json.createValue("done"))), RunMode.NORMAL);

        assertThat(stage.toCompletableFuture()).isNotDone();
        assertThat(trace).containsExactly("outer before");

        service.pending.complete("all ");
        Response response = await(stage);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result()).isEqualTo("all done");
        assertThat(trace).containsExactly("outer before", "outer after");
    }

    @Test
    void asyncFailureKeepsStatus() throws Exception {
        ForbiddenException forbidden = new ForbiddenException("Too late");
        CompletionStage<Response> stage = executor().run(request(LATER, V1, Map.of("value", Json.createValue("x"))),
                RunMode.NORMAL);

        service.pending.completeExceptionally(forbidden);
        Response response = await(stage);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.result()).isSameAs(forbidden);
        assertThat(response.isError()).isTrue();
    }

    @Test
    void jitarExceptionKeepsStatus() throws Exception {
        service.failure = new JitarException(409, "Already scored");

        Response response = run(executor(), request(FAIL, V1, Map.of("reason", Json.createValue("twice"))));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.result()).isSameAs(service.failure);
        assertThat(service.calls).containsExactly("fail(twice)");
    }

    @Test
    void applicationExceptionAnswersServerError() throws Exception {
        service.failure = new GameOverException("No lives left");

        Response response = run(executor(), request(FAIL, V1, Map.of("reason", Json.createValue("x"))));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.result()).isSameAs(service.failure);
    }

    @Test
    void checkedExceptionFromInvokerAnswersServerError() throws Exception {
        IOException disk = new IOException("disk full");
        registry = ProcedureRegistry.builder()
                .add(implementation(ADD, V1, AccessLevel.PUBLIC, "add", args -> {
                    throw disk;
                }), ORIGIN)
                .build();

        Response response = run(executor(), request(ADD, V1, addArguments(1, 2)));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.result()).isSameAs(disk);
    }

    @Test
    void voidProcedureAnswersNull() throws Exception {
        registry = ProcedureRegistry.builder()
                .add(implementation(FAIL, V1, AccessLevel.PUBLIC, "fail", args -> null), ORIGIN)
                .build();

        Response response = run(executor(), request(FAIL, V1, Map.of("reason", Json.createValue("none"))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.result()).isNull();
    }

    @Test
    void exposesItsRegistry() {
        assertThat(executor().registry()).isSameAs(registry);
    }

    @Test
    void metersEveryCallOfAKnownImplementationByItsOutcomeButNotUnknownNamesOrDryRuns() throws Exception {
        List<String> recorded = new ArrayList<>();
        RpcExecutor metered = new RpcExecutor(registry, List.of(), converter, TrustKey.of(SECRET_KEY),
                implementation -> new io.jitar.core.metrics.ProcedureMeter() {
                    @Override
                    public void started() {
                        recorded.add("start " + implementation.fqn() + "@" + implementation.version());
                    }

                    @Override
                    public void finished(long nanos, int status) {
                        recorded.add(status + " " + implementation.fqn() + (nanos > 0 ? " timed" : " untimed"));
                    }
                });

        run(metered, request(ADD, V2, addArguments(1, 2)));
        run(metered, request(ADD, V1, Map.of("a", Json.createValue(1))));
        run(metered, request(UNKNOWN, V1, Map.of()));
        await(metered.run(request(ADD, V1, addArguments(1, 2)), RunMode.DRY));

        assertThat(recorded).containsExactly("start score/add@2.0.0", "200 score/add timed",
                "start score/add@1.0.0", "400 score/add timed");
    }
}
