package io.jenkins.plugins.devicefarm;

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
import io.jenkins.plugins.devicefarm.core.session.SessionChoices;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.kohsuke.accmod.Restricted;
import org.kohsuke.accmod.restrictions.NoExternalUse;
import org.springframework.security.core.Authentication;

/**
 * What the web methods of every Device Farm form share (global configuration, Pipeline steps,
 * freestyle steps): the permission check, the credentials list of the credentials plugin's
 * consumer guide, and validations that reuse the core's messages. A null item means a form
 * outside any job (Manage Jenkins, or the Snippet Generator of Jenkins itself).
 */
@Restricted(NoExternalUse.class)
public final class DeviceFarmForms {
    private DeviceFarmForms() {}

    /** Throws AccessDeniedException unless the user may configure {@code item} (or administer Jenkins). */
    public static void checkConfigure(@CheckForNull Item item) {
        if (item == null) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        } else {
            item.checkPermission(Item.CONFIGURE);
        }
    }

    public static boolean canConfigure(@CheckForNull Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /**
     * Runs {@code validation} for users who may configure {@code item} and refuses others with
     * 403 (AccessDeniedException), as the freestyle and global forms do: one answer for every form.
     */
    public static FormValidation ifConfigurable(@CheckForNull Item item, Supplier<FormValidation> validation) {
        checkConfigure(item);
        return validation.get();
    }

    /**
     * The AWS credentials a job (or, without a job, Jenkins) can use, as docs/consumer.adoc of the
     * credentials plugin lists them: a user who may neither configure nor use them sees only the
     * current value.
     */
    public static ListBoxModel credentials(@CheckForNull Item item, @CheckForNull String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return result.includeCurrentValue(credentialsId);
            }
            return result.includeEmptyValue()
                    .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), AmazonWebServicesCredentials.class, List.of(),
                            CredentialsMatchers.always())
                    .includeCurrentValue(credentialsId);
        }
        if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(authenticationOf(item), item, AmazonWebServicesCredentials.class, List.of(),
                        CredentialsMatchers.always())
                .includeCurrentValue(credentialsId);
    }

    /** Blank means the global default credentials; otherwise they must be visible to the job. */
    public static FormValidation checkCredentials(@CheckForNull Item item, @CheckForNull String value) {
        String id = Util.fixEmptyAndTrim(value);
        if (id == null || item == null) {
            return FormValidation.ok();
        }
        List<AmazonWebServicesCredentials> visible = CredentialsProvider.lookupCredentialsInItem(
                AmazonWebServicesCredentials.class, item, authenticationOf(item), List.of());
        if (CredentialsMatchers.firstOrNull(visible, CredentialsMatchers.withId(id)) == null) {
            return FormValidation.error("No AWS credentials with id '%s' are available to this job.", id);
        }
        return FormValidation.ok();
    }

    /** Checks each ARN of {@code value} (one per line); values with ${...} are only checked at build time. */
    public static FormValidation checkArns(String field, @CheckForNull String value, boolean required, ArnKind... kinds) {
        List<String> arns = lines(value);
        if (arns.isEmpty()) {
            return required ? FormValidation.error("Enter %s.", describe(kinds)) : FormValidation.ok();
        }
        for (String arn : arns) {
            if (!arn.contains("${")) {
                FormValidation invalid = check(() -> DeviceFarmArn.parse(field, arn, kinds));
                if (invalid.kind != FormValidation.Kind.OK) {
                    return invalid;
                }
            }
        }
        return FormValidation.ok();
    }

    /** A blank project falls back to the default project of Manage Jenkins > System, if there is one. */
    public static FormValidation checkProjectArn(@CheckForNull String value) {
        if (Util.fixEmptyAndTrim(value) == null && DeviceFarmGlobalConfiguration.get().getDefaultProjectArn() == null) {
            return FormValidation.error("Enter the ARN of a project, or set a default project in Manage Jenkins > System.");
        }
        return checkArns("projectArn", value, false, ArnKind.PROJECT);
    }

    /** Runs a core validation (whose value is not needed here); its message names the field and the fix. */
    public static FormValidation check(Supplier<?> validation) {
        try {
            validation.get();
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** The values of a list field, separated by line breaks, commas or spaces (ARNs hold none of them). */
    public static List<String> lines(@CheckForNull String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[\\s,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The billing methods of CreateRemoteAccessSession, after "Device Farm's default". */
    public static ListBoxModel billingMethods(@CheckForNull Item item) {
        return deviceFarmChoices(item, SessionChoices.billingMethods());
    }

    /** The interaction modes of CreateRemoteAccessSession, after "Device Farm's default". */
    public static ListBoxModel interactionModes(@CheckForNull Item item) {
        return deviceFarmChoices(item, SessionChoices.interactionModes());
    }

    private static ListBoxModel deviceFarmChoices(@CheckForNull Item item, List<String> values) {
        ListBoxModel m = new ListBoxModel();
        if (canConfigure(item)) {
            m.add(Messages.DeviceFarmForms_DeviceFarmDefault(), "");
            values.forEach(m::add);
        }
        return m;
    }

    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task t ? Tasks.getAuthenticationOf2(t) : ACL.SYSTEM2;
    }

    private static String describe(ArnKind... kinds) {
        StringBuilder b = new StringBuilder("the ARN of ");
        for (int i = 0; i < kinds.length; i++) {
            b.append(i == 0 ? "" : " or ").append(kinds[i].withArticle());
        }
        return b.toString();
    }
}
