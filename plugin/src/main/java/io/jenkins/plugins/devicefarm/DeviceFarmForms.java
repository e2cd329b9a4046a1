package io.jenkins.plugins.devicefarm.freestyle;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.devicefarm.core.InvalidInputException;
import io.jenkins.plugins.devicefarm.core.arn.ArnKind;
import io.jenkins.plugins.devicefarm.core.arn.DeviceFarmArn;
import io.jenkins.plugins.devicefarm.core.result.Verdict;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * What the freestyle descriptors' web methods share: the permission check (configure the job,
 * or administer Jenkins when there is no job), the credentials list of the credentials plugin's
 * consumer guide, and ARN checks that leave {@code ${VAR}} values to build time.
 */
final class FreestyleForms {
    private FreestyleForms() {}

    /** Throws AccessDeniedException unless the user may configure {@code item} (or Jenkins). */
    static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /** docs/consumer.adoc of the credentials plugin; stricter: configuring the job is required to list. */
    static ListBoxModel credentials(@CheckForNull Item item, @CheckForNull String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!canConfigure(item) && (item == null || !item.hasPermission(CredentialsProvider.USE_ITEM))) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2,
                        item, AmazonWebServicesCredentials.class, List.of(), CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    /** Blank means the global default credentials; otherwise they must be visible to the job. */
    static FormValidation checkCredentials(@CheckForNull Item item, @CheckForNull String value) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        if (CredentialsMatchers.firstOrNull(CredentialsProvider.lookupCredentialsInItem(AmazonWebServicesCredentials.class,
                item, item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2, List.of()),
                CredentialsMatchers.withId(value.strip())) == null) {
            return FormValidation.error("No AWS credentials with id '%s' are available to this job.", value);
        }
        return FormValidation.ok();
    }

    /** Checks each ARN of {@code value} (one per line); values with ${...} are only checked at build time. */
    static FormValidation checkArns(String field, @CheckForNull String value, boolean required, ArnKind... kinds) {
        List<String> arns = lines(value);
        if (arns.isEmpty()) {
            return required ? FormValidation.error("Enter %s.", describe(kinds)) : FormValidation.ok();
        }
        for (String arn : arns) {
            if (arn.contains("${")) {
                continue;
            }
            try {
                DeviceFarmArn.parse(field, arn, kinds);
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }
        return FormValidation.ok();
    }

    /** The non-blank lines (or comma-separated values) of a text field, stripped. */
    static List<String> lines(@CheckForNull String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Build results for the verdict drop-downs; empty keeps the default shown. */
    static ListBoxModel verdicts(String defaultVerdict) {
        ListBoxModel m = new ListBoxModel();
        m.add("Default (" + defaultVerdict + ")", "");
        for (Verdict v : Verdict.values()) {
            m.add(v.name());
        }
        return m;
    }

    private static String describe(ArnKind... kinds) {
        StringBuilder b = new StringBuilder("the ARN of ");
        for (int i = 0; i < kinds.length; i++) {
            b.append(i == 0 ? "" : " or ").append(kinds[i].withArticle());
        }
        return b.toString();
    }
}
